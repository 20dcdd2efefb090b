using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using VisitPlanner.Testing.Hosting;
using VisitPlanner.Testing;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>Every kind of bad input the API promises to refuse: a clear 4xx in problem+json naming the field, and nothing written.</summary>
public class BadInputTests(TestHost host) : IClassFixture<TestHost>, IAsyncLifetime
{
    private const string Calendar = SeedEvents.CalendarId;
    private string _existing = "";

    public async Task InitializeAsync()
    {
        await host.PutCalendarAsync(Calendar);
        var created = await host.Client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson()));
        _existing = created.Headers.Location!.ToString();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Seed(Action<JsonNode> change) => SeedEvents.ShouyangAerospaceVisitJson(change);

    public static TheoryData<string, string, string> BadEvents => new()
    {
        { "malformed JSON", """{"kind":"studyTrip","title":""", "$" },
        { "not an object", "[]", "$" },
        { "duplicate key", """{"title":"a","title":"b"}""", "$" },
        { "lone surrogate in a key", """{"ti\ud800tle":"a","kind":"meeting"}""", "$" },
        { "lone surrogate in a value", Seed(n => n["title"] = "PLACEHOLDER").Replace("PLACEHOLDER", "\\udfff"), "title" },
        { "missing title", Seed(n => n.AsObject().Remove("title")), "title" },
        { "wrong-typed title", Seed(n => n["title"] = true), "title" },
        { "wrong-typed itinerary", Seed(n => n["itinerary"] = "tomorrow"), "itinerary" },
        { "unknown kind", Seed(n => n["kind"] = "banquet"), "kind" },
        { "end before start", Seed(n => n["itinerary"]![5]!["end"] = "2025-10-16T08:00"), "itinerary[5].end" },
        { "unknown time zone", Seed(n => n["timeZone"] = "China/Beijing"), "timeZone" },
        { "unknown calendar", Seed(n => n["calendars"] = new JsonArray(Calendar, "no-such-calendar")), "calendars[1]" },
        { "title over 200 characters", Seed(n => n["title"] = new string('考', 201)), "title" },
        { "more than 200 items", Seed(n => n["itinerary"] = new JsonArray(Enumerable.Range(0, 201).Select(_ => (JsonNode)JsonNode.Parse("""{"title":"t","start":"2025-10-15","end":"2025-10-15"}""")!).ToArray())), "itinerary" },
        { "calendar id with a forbidden character", Seed(n => n["calendars"] = new JsonArray("a\\b")), "calendars[0]" },
        { "item id with a control character", Seed(n => n["itinerary"]![0]!["id"] = "a\u0007b"), "itinerary[0].id" },
        { "invalid date", Seed(n => n["itinerary"]![0]!["start"] = "2025-10-32T08:30"), "itinerary[0].start" },
        { "CR/LF in a title", Seed(n => n["title"] = "x\r\nBEGIN:VEVENT"), "title" },
        { "an item with an empty zone", Seed(n => n["itinerary"]![1]!["timeZone"] = ""), "itinerary[1].timeZone" },
        { "the only item with a blank zone", Seed(n => { n["itinerary"] = new JsonArray(n["itinerary"]![0]!.DeepClone()); n["itinerary"]![0]!["timeZone"] = "  "; }), "itinerary[0].timeZone" },
        { "an empty status", Seed(n => n["status"] = ""), "status" },
        { "an empty personId", Seed(n => n["participants"]![0]!["personId"] = ""), "participants[0].personId" },
        { "an empty email", Seed(n => n["organizer"]!["email"] = " "), "organizer.email" },
        { "a title of invisible characters", Seed(n => n["title"] = "\u200B\u2060\uFEFF"), "title" },
        { "an onlineUrl that is not a link", Seed(n => n["itinerary"]![2]!["onlineUrl"] = "腾讯会议 123 456 789"), "itinerary[2].onlineUrl" },
        { "an onlineUrl of another scheme", Seed(n => n["itinerary"]![2]!["onlineUrl"] = "javascript:alert(1)"), "itinerary[2].onlineUrl" },
        { "an onlineUrl with a space", Seed(n => n["itinerary"]![2]!["onlineUrl"] = "https://meeting.tencent.com/dm/a b"), "itinerary[2].onlineUrl" },
        { "an empty onlineUrl", Seed(n => n["itinerary"]![2]!["onlineUrl"] = ""), "itinerary[2].onlineUrl" },
        { "an onlineUrl over 2000 characters", Seed(n => n["itinerary"]![2]!["onlineUrl"] = "https://meeting.tencent.com/dm/" + new string('a', 2000)), "itinerary[2].onlineUrl" },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task ABadEventIsRefusedAndNothingIsWritten(string why, string json, string field)
    {
        var before = await SnapshotAsync();

        var posted = await host.Client.PostAsync("/api/events", TestHost.Json(json));
        var put = await host.SendAsync(HttpMethod.Put, _existing, json, ifMatch: "\"r1\"");

        await AssertProblemAsync(posted, HttpStatusCode.BadRequest, field);
        await AssertProblemAsync(put, HttpStatusCode.BadRequest, field);
        Assert.True(before == await SnapshotAsync(), $"{why}: stored data changed");
    }

    [Fact]
    public async Task ABodyOver256KiBIs413()
    {
        var before = await SnapshotAsync();
        var huge = Seed(n => n["description"] = new string('a', 300 * 1024));

        await AssertProblemAsync(await host.Client.PostAsync("/api/events", TestHost.Json(huge)), HttpStatusCode.RequestEntityTooLarge, "$");
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIs415()
    {
        var content = new StringContent(SeedEvents.ShouyangAerospaceVisitJson(), Encoding.UTF8, "text/plain");

        await AssertProblemAsync(await host.Client.PostAsync("/api/events", content), HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Theory]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task ABodyInAnotherCharsetIs415(string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(SeedEvents.ShouyangAerospaceVisitJson()));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var problem = await AssertProblemAsync(await host.Client.PostAsync("/api/events", content), HttpStatusCode.UnsupportedMediaType, "Content-Type");
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/events?calendar=a&calendar=b", "calendar")]
    [InlineData("/api/calendars/x/feed.ics?token=a&token=b", "token")]
    [InlineData("/api/calendars/x/feed.ics?from=2025-10-01&from=2025-11-01", "from")]
    public async Task AParameterGivenTwiceIs400NamingIt(string path, string field)
    {
        var problem = await AssertProblemAsync(await host.Client.GetAsync(path), HttpStatusCode.BadRequest, field);
        Assert.Contains("given 2 times", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnIdempotencyKeyGivenTwiceIs400AndWritesNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson()) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", ["first-key", "second-key"]);

        var before = await SnapshotAsync();

        await AssertProblemAsync(await host.Client.SendAsync(request), HttpStatusCode.BadRequest, "Idempotency-Key");
        Assert.True(before == await SnapshotAsync(), "stored data changed");
    }

    [Fact]
    public async Task AnEmptyBodyIs400() =>
        await AssertProblemAsync(await host.Client.PostAsync("/api/events", TestHost.Json("")), HttpStatusCode.BadRequest, "$");

    [Fact]
    public async Task InvalidUtf8Is400()
    {
        var content = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        content.Headers.ContentType = new("application/json");

        await AssertProblemAsync(await host.Client.PostAsync("/api/events", content), HttpStatusCode.BadRequest, "$");
    }

    [Theory]
    [InlineData("a%23b")]
    [InlineData("a%3Fb")]
    [InlineData("a%5Cb")]
    [InlineData("a%01b")]
    [InlineData("a%2Fb")]
    [InlineData("%E5%AF%BF%E9%98%B3")]
    public async Task IdsTableStorageCannotKeyAreRefused(string escapedId)
    {
        await AssertProblemAsync(await host.Client.PutAsync($"/api/calendars/{escapedId}", TestHost.Json("""{"name":"x"}""")), HttpStatusCode.BadRequest, "calendarId");
        await AssertProblemAsync(await host.Client.GetAsync($"/api/calendars/{escapedId}/feed.ics"), HttpStatusCode.BadRequest, "calendarId");
        await AssertProblemAsync(await host.Client.GetAsync($"/api/events/{escapedId}"), HttpStatusCode.BadRequest, "id");
    }

    /// <summary>Everything a client can read for the calendar: the listing and the feed.</summary>
    private async Task<string> SnapshotAsync()
    {
        var listing = await host.Client.GetStringAsync($"/api/events?calendar={Calendar}&pageSize=200");
        var existing = await host.Client.GetStringAsync(_existing);
        return listing + existing;
    }
}
