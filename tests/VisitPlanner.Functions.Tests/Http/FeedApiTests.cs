using System.Net;
using System.Text.Json.Nodes;
using VisitPlanner.Testing.Hosting;
using VisitPlanner.Testing;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>The feed a subscriber downloads, after organizers posted through the API, read by independent parsers.</summary>
public class FeedApiTests(TestHost host) : IClassFixture<TestHost>
{
    private async Task<string> NewCalendarAsync(string timeZone = "Asia/Shanghai")
    {
        var id = "feed-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync(id, "寿阳经开区 外出考察", timeZone)).StatusCode);
        return id;
    }

    private async Task<string> PostAsync(string json)
    {
        var response = await host.Client.PostAsync("/api/events", TestHost.Json(json));
        return (await AssertJsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    /// <summary>The feed over 2025–2026: the fixtures lie in 2025, before the default window (90 days back).</summary>
    private async Task<string> FeedAsync(string calendar)
    {
        var response = await host.Client.GetAsync($"/api/calendars/{calendar}/feed.ics?from=2025-01-01&to=2026-12-31");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        return await response.Content.ReadAsStringAsync();
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public async Task ThePostedVisitShowsUpStopByStopAtTheRightTimes(string parser)
    {
        var calendar = await NewCalendarAsync();
        var id = await PostAsync(SeedEvents.ShouyangAerospaceVisitJson(calendar));

        var feed = FeedParsers.Parse(parser, await FeedAsync(calendar));

        Assert.Equal(7, feed.Events.Count);
        Assert.Equal(("2025-10-15", "2025-10-17"), Assert.Single(feed.Events, e => e.AllDay) is var banner ? (banner.Start, banner.End) : default);
        foreach (var (itemId, startUtc, endUtc) in SeedEvents.ShouyangStopsUtc)
        {
            var stop = Assert.Single(feed.Events, e => e.Uid == $"{id}-{itemId}@visitplanner");
            Assert.Equal((startUtc, endUtc), (stop.Start, stop.End));
            if (FeedParsers.Reports(parser, ParsedField.Tzid)) Assert.Equal("Asia/Shanghai", stop.Tzid);
        }
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public async Task ATripAbroadKeepsItsOwnZone(string parser)
    {
        var calendar = await NewCalendarAsync();
        await PostAsync(SeedEvents.ShouyangAerospaceVisitJson(n =>
        {
            n["title"] = "德国考察 Study trip to Germany";
            n["itinerary"] = JsonNode.Parse("""
                [{"id":"flight","title":"Flight PEK-FRA","start":"2025-10-24T13:30","end":"2025-10-24T18:00","timeZone":"Asia/Shanghai"},
                 {"id":"siemens","title":"Siemens Energy","start":"2025-10-25T10:00","end":"2025-10-25T12:00","timeZone":"Europe/Berlin"},
                 {"id":"fraunhofer","title":"Fraunhofer IPA","start":"2025-10-27T10:00","end":"2025-10-27T12:00","timeZone":"Europe/Berlin"}]
                """);
        }, calendar));

        var feed = FeedParsers.Parse(parser, await FeedAsync(calendar));

        Assert.Equal(["Asia/Shanghai", "Europe/Berlin"], feed.TimeZones.Order());
        Assert.Equal("2025-10-24T05:30:00.000Z", Assert.Single(feed.Events, e => e.Uid.Contains("-flight@")).Start);
        Assert.Equal("2025-10-25T08:00:00.000Z", Assert.Single(feed.Events, e => e.Uid.Contains("-siemens@")).Start);
        Assert.Equal("2025-10-27T09:00:00.000Z", Assert.Single(feed.Events, e => e.Uid.Contains("-fraunhofer@")).Start);
    }

    [Fact]
    public async Task ChangesAndCancellationsReachTheFeedWithTheSameUids()
    {
        var calendar = await NewCalendarAsync();
        var id = await PostAsync(SeedEvents.ShouyangAerospaceVisitJson(calendar));
        var before = FeedParsers.ParseWithIcalJs(await FeedAsync(calendar));

        await host.SendAsync(HttpMethod.Put, $"/api/events/{id}", SeedEvents.ShouyangAerospaceVisitJson(n => n["itinerary"]![5]!["start"] = "2025-10-16T10:00", calendar), ifMatch: "\"r1\"");
        var changed = FeedParsers.ParseWithIcalJs(await FeedAsync(calendar));
        await host.SendAsync(HttpMethod.Delete, $"/api/events/{id}");
        var cancelled = FeedParsers.ParseWithIcalJs(await FeedAsync(calendar));

        Assert.Equal(before.Events.Select(e => e.Uid).Order(), changed.Events.Select(e => e.Uid).Order());
        Assert.Equal("2025-10-16T02:00:00.000Z", Assert.Single(changed.Events, e => e.Uid.EndsWith("-beijing-symposium@visitplanner")).Start);
        Assert.All(changed.Events, e => Assert.Equal(1, e.Sequence));
        Assert.All(cancelled.Events, e => Assert.Equal(("CANCELLED", 2), (e.Status, e.Sequence)));
    }

    [Fact]
    public async Task AFeedHoldsOnlyItsOwnCalendarsEvents()
    {
        var (mine, other) = (await NewCalendarAsync(), await NewCalendarAsync());
        var id = await PostAsync(SeedEvents.ShouyangAerospaceVisitJson(mine));
        await PostAsync(SeedEvents.ShouyangAerospaceVisitJson(other));

        var feed = FeedParsers.ParseWithIcalJs(await FeedAsync(mine));

        Assert.All(feed.Events, e => Assert.StartsWith(id, e.Uid));
    }

    [Fact]
    public async Task HeadAnswersWithoutABody()
    {
        var calendar = await NewCalendarAsync();
        var get = await host.Client.GetAsync($"/api/calendars/{calendar}/feed.ics");

        var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/calendars/{calendar}/feed.ics"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/calendar", head.Content.Headers.ContentType!.MediaType);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Contains($"{calendar}.ics", get.Content.Headers.ContentDisposition!.ToString());
    }

    [Fact]
    public async Task AnUnknownCalendarsFeedIs404() =>
        await AssertProblemAsync(await host.Client.GetAsync("/api/calendars/nobody/feed.ics"), HttpStatusCode.NotFound);
}
