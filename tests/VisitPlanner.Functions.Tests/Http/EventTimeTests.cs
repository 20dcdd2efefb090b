using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using VisitPlanner.Testing;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>
/// Times at the edges: an instant given with an offset in the hour that happens twice survives as that instant; local
/// times skipped or repeated by a daylight-saving change are taken by one rule and said so; only what can be read back
/// is accepted.
/// </summary>
public class EventTimeTests(TestHost host) : IClassFixture<TestHost>, IAsyncLifetime
{
    private readonly string _calendar = "times-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync() => Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync(_calendar)).StatusCode);

    public Task DisposeAsync() => Task.CompletedTask;

    private string OneItem(string zone, string start, string end) => SeedEvents.ShouyangAerospaceVisitJson(n =>
    {
        n["timeZone"] = zone;
        n["itinerary"] = new JsonArray(JsonNode.Parse($$"""{"id":"only","title":"会谈 Talks","start":"{{start}}","end":"{{end}}"}""")!);
    }, _calendar);

    private async Task<ParsedEvent> FeedItemAsync(string eventId, string window)
    {
        var feed = FeedParsers.ParseWithIcalJs(await host.Client.GetStringAsync($"/api/calendars/{_calendar}/feed.ics?{window}"));
        return Assert.Single(feed.Events, e => e.Uid == $"{eventId}-only@visitplanner");
    }

    [Fact]
    public async Task AnOffsetInTheRepeatedHourSurvivesAsTheInstantItNames()
    {
        // 01:30 happens twice in New York on 1 November 2026; -05:00 is the second, 06:30Z.
        var created = await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(OneItem("America/New_York", "2026-11-01T01:30-05:00", "2026-11-01T02:30-05:00"))), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;

        Assert.Equal("2026-11-01T06:30:00Z", created.GetProperty("startsAt").GetString());
        Assert.Equal("2026-11-01T01:30:00-05:00", created.GetProperty("itinerary")[0].GetProperty("start").GetString());
        Assert.False(created.TryGetProperty("warnings", out _));
        Assert.Equal("2026-11-01T06:30:00.000Z", (await FeedItemAsync(id, "from=2026-10-25&to=2026-11-10")).Start);

        // What a GET answers, put back as it is, means the same instant.
        var got = await host.Client.GetStringAsync($"/api/events/{id}");
        var replaced = await AssertJsonAsync(await host.SendAsync(HttpMethod.Put, $"/api/events/{id}", got, "\"r1\""), HttpStatusCode.OK);
        Assert.Equal("2026-11-01T06:30:00Z", replaced.GetProperty("startsAt").GetString());
    }

    [Fact]
    public async Task ALocalTimeThatHappensTwiceIsTheFirstAndTheAnswerSaysSo()
    {
        var created = await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(OneItem("America/New_York", "2026-11-01T01:30", "2026-11-01T03:00"))), HttpStatusCode.Created);

        Assert.Equal("2026-11-01T05:30:00Z", created.GetProperty("startsAt").GetString());
        var warning = Assert.Single(created.GetProperty("warnings").EnumerateArray());
        Assert.Equal("itinerary[0].start", warning.GetProperty("field").GetString());
        Assert.Contains("happens twice", warning.GetProperty("message").GetString());
        Assert.Contains("2026-11-01T05:30:00Z", warning.GetProperty("message").GetString());
        Assert.Contains("2026-11-01T01:30:00-05:00", warning.GetProperty("message").GetString());
        // The warning belongs to the write's answer only.
        Assert.False((await AssertJsonAsync(await host.Client.GetAsync($"/api/events/{created.GetProperty("id").GetString()}"), HttpStatusCode.OK)).TryGetProperty("warnings", out _));
    }

    [Fact]
    public async Task ALocalTimeThatDoesNotExistMovesForwardAndTheAnswerSaysSo()
    {
        // Berlin skips 02:00–03:00 on 28 March 2027.
        var created = await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(OneItem("Europe/Berlin", "2027-03-28T02:30", "2027-03-28T04:00"))), HttpStatusCode.Created);

        Assert.Equal("2027-03-28T01:30:00Z", created.GetProperty("startsAt").GetString());
        Assert.Equal("2027-03-28T03:30:00", created.GetProperty("itinerary")[0].GetProperty("start").GetString());
        var message = Assert.Single(created.GetProperty("warnings").EnumerateArray()).GetProperty("message").GetString();
        Assert.Contains("does not exist in Europe/Berlin", message);
        Assert.Contains("02:00 straight to 03:00", message);
    }

    [Fact]
    public async Task AnEndInTheGapBeforeAMovedStartSaysWhy()
    {
        var problem = await AssertProblemAsync(await host.Client.PostAsync("/api/events", TestHost.Json(OneItem("Europe/Berlin", "2027-03-28T02:30", "2027-03-28T03:00"))),
            HttpStatusCode.BadRequest, "itinerary[0].end");

        var message = problem.GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Contains("is before start 2027-03-28T03:30:00+02:00", message);
        Assert.Contains("start 2027-03-28T02:30:00 does not exist there", message);
    }

    [Theory]
    [InlineData("1900-01-01T00:00", "1900-01-01T01:00")]
    [InlineData("1900-12-31T23:00", "1900-12-31T23:30")]
    [InlineData("2199-12-31T23:00", "2200-01-01T09:00")]
    public async Task OnlyWhatCanBeReadBackIsAccepted(string start, string end) =>
        await AssertProblemAsync(await host.Client.PostAsync("/api/events", TestHost.Json(OneItem("Asia/Shanghai", start, end))), HttpStatusCode.BadRequest,
            start.StartsWith("1900") ? "itinerary[0].start" : "itinerary[0].end");

    [Theory]
    [InlineData("1901-01-01T08:00", "1901-01-01T09:00", "from=1901-01-01&to=1901-01-02")]
    [InlineData("2199-12-31T22:00", "2199-12-31T23:00", "from=2199-12-30&to=2199-12-31")]
    public async Task TheEarliestAndLatestAcceptedEventsAreListedAndInFeeds(string start, string end, string window)
    {
        var created = await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(OneItem("Asia/Shanghai", start, end))), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;

        var listing = JsonDocument.Parse(await host.Client.GetStringAsync($"/api/events?calendar={_calendar}&pageSize=200")).RootElement;
        Assert.Contains(listing.GetProperty("events").EnumerateArray(), e => e.GetProperty("id").GetString() == id);
        Assert.Equal(created.GetProperty("startsAt").GetString(), (await FeedItemAsync(id, window)).Start.Replace(".000Z", "Z"));
    }
}
