using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using VisitPlanner.Testing.Hosting;
using VisitPlanner.Testing;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

public class EventApiTests(TestHost host) : IClassFixture<TestHost>, IAsyncLifetime
{
    private readonly string _calendar = "trips-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync() => Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync(_calendar)).StatusCode);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(JsonElement Body, string Location, string ETag)> PostSeedAsync(Action<JsonNode>? change = null)
    {
        var response = await host.Client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(change ?? (_ => { }), _calendar)));
        var body = await AssertJsonAsync(response, HttpStatusCode.Created);
        return (body, response.Headers.Location!.ToString(), response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task PostingAnEventAnswersWithItsLocationETagAndStoredBody()
    {
        var (body, location, etag) = await PostSeedAsync();

        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/events/{id}", location);
        Assert.Equal("\"r1\"", etag);
        Assert.Equal("confirmed", body.GetProperty("status").GetString());
        Assert.Equal(1, body.GetProperty("revision").GetInt32());
        Assert.Equal(6, body.GetProperty("itinerary").GetArrayLength());
        Assert.Equal("2025-10-15T00:30:00Z", body.GetProperty("startsAt").GetString());

        var read = await host.Client.GetAsync(location);
        Assert.Equal(body.ToString(), (await AssertJsonAsync(read, HttpStatusCode.OK)).ToString());
        Assert.Equal("\"r1\"", read.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task PutReplacesTheEventAndRaisesItsRevision()
    {
        var (created, location, etag) = await PostSeedAsync();
        var changed = JsonNode.Parse(created.ToString())!;
        changed["title"] = "航天产业专题考察（鹤壁、北京）— 修订";
        changed["itinerary"]!.AsArray().RemoveAt(2);

        var response = await host.SendAsync(HttpMethod.Put, location, changed.ToJsonString(), ifMatch: etag);

        var body = await AssertJsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("\"r2\"", response.Headers.ETag!.ToString());
        Assert.Equal(2, body.GetProperty("revision").GetInt32());
        Assert.Equal(5, body.GetProperty("itinerary").GetArrayLength());
        Assert.Equal(created.GetProperty("createdAt").GetString(), body.GetProperty("createdAt").GetString());
        // Items keep their ids (and so their feed UIDs) across edits.
        Assert.Equal("hebi-showroom", body.GetProperty("itinerary")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task ReplacingAnEventWithWhatItAlreadySaysChangesNothing()
    {
        var (created, location, etag) = await PostSeedAsync();
        var feedUrl = $"/api/calendars/{_calendar}/feed.ics?from=2025-10-01&to=2025-10-31";
        var feedBefore = await host.Client.GetAsync(feedUrl);
        Assert.Equal(HttpStatusCode.OK, feedBefore.StatusCode);

        // The body as read back, and the same content as first posted (no server fields, no status): neither is a change.
        var asRead = await host.SendAsync(HttpMethod.Put, location, created.ToString(), ifMatch: etag);
        var asPosted = await host.SendAsync(HttpMethod.Put, location, SeedEvents.ShouyangAerospaceVisitJson(_calendar), ifMatch: etag);

        foreach (var response in new[] { asRead, asPosted })
        {
            var body = await AssertJsonAsync(response, HttpStatusCode.OK);
            Assert.Equal(etag, response.Headers.ETag!.ToString());
            Assert.Equal(1, body.GetProperty("revision").GetInt32());
            Assert.Equal(created.GetProperty("updatedAt").GetString(), body.GetProperty("updatedAt").GetString());
        }
        var feedAfter = await host.Client.GetAsync(feedUrl);
        Assert.Equal(feedBefore.Headers.ETag, feedAfter.Headers.ETag);
        Assert.DoesNotContain("SEQUENCE:1", await feedAfter.Content.ReadAsStringAsync());
        // A real change still is one.
        var changed = await host.SendAsync(HttpMethod.Put, location, SeedEvents.ShouyangAerospaceVisitJson(n => n["title"] = "改期", _calendar), ifMatch: etag);
        Assert.Equal("\"r2\"", changed.Headers.ETag!.ToString());
        Assert.NotEqual(feedBefore.Headers.ETag, (await host.Client.GetAsync(feedUrl)).Headers.ETag);
    }

    [Fact]
    public async Task APutWithoutStatusKeepsTheEventsStatusAndOneWithItSetsIt()
    {
        var (_, location, _) = await PostSeedAsync(n => n["status"] = "tentative");

        var kept = await AssertJsonAsync(await host.SendAsync(HttpMethod.Put, location, SeedEvents.ShouyangAerospaceVisitJson(n => n["title"] = "改期", _calendar), ifMatch: "\"r1\""), HttpStatusCode.OK);
        var set = await AssertJsonAsync(await host.SendAsync(HttpMethod.Put, location, SeedEvents.ShouyangAerospaceVisitJson(n => n["status"] = "confirmed", _calendar), ifMatch: "\"r2\""), HttpStatusCode.OK);

        Assert.Equal("tentative", kept.GetProperty("status").GetString());
        Assert.Equal("confirmed", set.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AStaleIfMatchGets412AndChangesNothing()
    {
        var (created, location, etag) = await PostSeedAsync();
        await AssertJsonAsync(await host.SendAsync(HttpMethod.Put, location, SeedEvents.ShouyangAerospaceVisitJson(n => n["title"] = "first edit", _calendar), ifMatch: etag), HttpStatusCode.OK);

        var stale = await host.SendAsync(HttpMethod.Put, location, SeedEvents.ShouyangAerospaceVisitJson(n => n["title"] = "second edit", _calendar), ifMatch: etag);

        var problem = await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        Assert.Contains("\"r2\"", problem.GetProperty("detail").GetString());
        var current = await AssertJsonAsync(await host.Client.GetAsync(location), HttpStatusCode.OK);
        Assert.Equal("first edit", current.GetProperty("title").GetString());
        await AssertProblemAsync(await host.SendAsync(HttpMethod.Delete, location, ifMatch: etag), HttpStatusCode.PreconditionFailed, "If-Match");
    }

    [Fact]
    public async Task DeleteCancelsButKeepsTheEvent()
    {
        var (_, location, _) = await PostSeedAsync();

        var deleted = await host.SendAsync(HttpMethod.Delete, location);
        var again = await host.SendAsync(HttpMethod.Delete, location);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("\"r2\"", deleted.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var body = await AssertJsonAsync(await host.Client.GetAsync(location), HttpStatusCode.OK);
        Assert.Equal("cancelled", body.GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("revision").GetInt32());
        await AssertProblemAsync(await host.SendAsync(HttpMethod.Put, location, SeedEvents.ShouyangAerospaceVisitJson(_calendar), ifMatch: "\"r2\""), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task UnknownEventsAre404()
    {
        await AssertProblemAsync(await host.Client.GetAsync("/api/events/no-such-event"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await host.SendAsync(HttpMethod.Put, "/api/events/no-such-event", SeedEvents.ShouyangAerospaceVisitJson(_calendar)), HttpStatusCode.NotFound);
        await AssertProblemAsync(await host.SendAsync(HttpMethod.Delete, "/api/events/no-such-event"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListingReturnsEventsOverlappingTheWindowPageByPage()
    {
        // Four one-day visits on 1, 8, 15 and 22 October 2025.
        foreach (var day in new[] { 1, 8, 15, 22 })
        {
            await PostSeedAsync(n => n["itinerary"] = JsonNode.Parse($$"""[{"title":"visit","start":"2025-10-{{day:00}}T09:00","end":"2025-10-{{day:00}}T17:00"}]"""));
        }

        var window = await AssertJsonAsync(await host.Client.GetAsync($"/api/events?calendar={_calendar}&from=2025-10-08&to=2025-10-15"), HttpStatusCode.OK);
        Assert.Equal(["2025-10-08T01:00:00Z", "2025-10-15T01:00:00Z"],
            window.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("startsAt").GetString()));

        var starts = new List<string?>();
        var url = $"/api/events?calendar={_calendar}&pageSize=3";
        var pages = 0;
        while (true)
        {
            var page = await AssertJsonAsync(await host.Client.GetAsync(url), HttpStatusCode.OK);
            starts.AddRange(page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("startsAt").GetString()));
            pages++;
            if (!page.TryGetProperty("continuationToken", out var token)) break;
            url = $"/api/events?calendar={_calendar}&pageSize=3&continuationToken={Uri.EscapeDataString(token.GetString()!)}";
        }
        Assert.Equal(2, pages);
        Assert.Equal(["2025-10-01T01:00:00Z", "2025-10-08T01:00:00Z", "2025-10-15T01:00:00Z", "2025-10-22T01:00:00Z"], starts);
    }

    [Theory]
    [InlineData("/api/events", "calendar")]
    [InlineData("/api/events?calendar=a%23b", "calendar")]
    [InlineData("/api/events?calendar={0}&from=yesterday", "from")]
    [InlineData("/api/events?calendar={0}&from=2025-10-16&to=2025-10-01", "to")]
    [InlineData("/api/events?calendar={0}&pageSize=0", "pageSize")]
    [InlineData("/api/events?calendar={0}&pageSize=ten", "pageSize")]
    [InlineData("/api/events?calendar={0}&continuationToken=not-a-token!", "continuationToken")]
    public async Task BadListingParametersNameTheParameter(string url, string field) =>
        await AssertProblemAsync(await host.Client.GetAsync(string.Format(url, _calendar)), HttpStatusCode.BadRequest, field);
}
