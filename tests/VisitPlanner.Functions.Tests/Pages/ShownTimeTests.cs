using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using VisitPlanner.Testing;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;
using static VisitPlanner.Functions.Tests.Pages.PageTestSupport;

namespace VisitPlanner.Functions.Tests.Pages;

/// <summary>
/// Pages and feed agree on when a stop happens, where Europe/Berlin's clocks change: on the next spring-forward day
/// 02:30 does not exist and both show 03:30; on the next fall-back day 02:30 happens twice and the page names the
/// offset of the one the item means. The expected text is worked out from the feed as ical.js reads it.
/// </summary>
public sealed class ShownTimeTests(TestHost host, Browser browser) : IClassFixture<TestHost>, IClassFixture<Browser>
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    [ChromiumTheory]
    [InlineData(390, 844)]
    [InlineData(1280, 800)]
    public async Task The_event_and_calendar_pages_show_the_feeds_times_across_daylight_saving_changes(int width, int height)
    {
        var (spring, autumn) = NextChanges();
        var calendar = NewId("berlin");
        Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync(calendar, "Besuche in Deutschland", "Europe/Berlin")).StatusCode);
        // An event may span 92 days at most, so the two nights are two events.
        var springEvent = await PostAsync(calendar, Item("spring", $"{spring:yyyy-MM-dd}T02:30", $"{spring:yyyy-MM-dd}T04:00"));
        // The second 02:30 of the autumn night, in winter time (UTC+1).
        var autumnEvent = await PostAsync(calendar, Item("autumn", $"{autumn:yyyy-MM-dd}T02:30:00+01:00", $"{autumn:yyyy-MM-dd}T03:30"));

        var feed = FeedParsers.ParseWithIcalJs(await host.Client.GetStringAsync(
            $"/api/calendars/{calendar}/feed.ics?from={spring.PlusDays(-1):yyyy-MM-dd}&to={autumn.PlusDays(1):yyyy-MM-dd}"));
        var springText = FromFeed(feed, "Frühling");
        var autumnText = FromFeed(feed, "Herbst");
        Assert.Equal("03:30–04:00", springText);
        Assert.Equal("02:30 (UTC+01:00)–03:30", autumnText);

        await using var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, IsMobile = width < 640, HasTouch = width < 640 });
        await page.Page.GotoAsync(Url(host, $"api/events/{springEvent}/page"));
        Assert.Equal(springText, await page.Page.Locator("#stop-spring td.time-cell").InnerTextAsync());
        await page.Page.GotoAsync(Url(host, $"api/events/{autumnEvent}/page"));
        Assert.Equal(autumnText, await page.Page.Locator("#stop-autumn td.time-cell").InnerTextAsync());
        await page.SaveScreenshotAsync($"event-page-dst-autumn-{width}");

        await page.Page.GotoAsync(Url(host, $"api/calendars/{calendar}/page"));
        Assert.Contains(springText, await page.Page.Locator($"#day-{spring:yyyy-MM-dd}").InnerTextAsync());
        Assert.Contains(autumnText, await page.Page.Locator($"#day-{autumn:yyyy-MM-dd}").InnerTextAsync());
        Assert.DoesNotContain("02:30", await page.Page.Locator($"#day-{spring:yyyy-MM-dd}").InnerTextAsync());
        await page.AssertNoErrorsAsync();
    }

    /// <summary>How the page should write the stop: its instants from the feed, in Berlin, with the offset where the time happens twice.</summary>
    private static string FromFeed(ParsedFeed feed, string title)
    {
        var parsed = Assert.Single(feed.Events, e => e.Summary.StartsWith(title + " · ", StringComparison.Ordinal));
        string Shown(string utc)
        {
            var zoned = InstantPattern.ExtendedIso.Parse(utc).Value.InZone(Berlin);
            var time = zoned.ToString("HH:mm", null);
            return Berlin.MapLocal(zoned.LocalDateTime).Count == 2 ? $"{time} (UTC{zoned.Offset.ToString("+HH:mm", null)})" : time;
        }
        return $"{Shown(parsed.Start)}–{Shown(parsed.End)}";
    }

    /// <summary>The next day Berlin springs forward and the next it falls back, both within the calendar page's 400 days.</summary>
    private static (LocalDate Spring, LocalDate Autumn) NextChanges()
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var changes = Berlin.GetZoneIntervals(now, now + Duration.FromDays(400)).Skip(1).Select(i => (Day: i.Start.InZone(Berlin).Date, Forward: i.Savings > Offset.Zero)).ToArray();
        return (changes.First(c => c.Forward).Day, changes.First(c => !c.Forward).Day);
    }

    private static JsonObject Item(string id, string start, string end) => new()
    {
        ["id"] = id, ["title"] = id == "spring" ? "Frühling" : "Herbst", ["start"] = start, ["end"] = end,
    };

    private async Task<string> PostAsync(string calendar, JsonObject item)
    {
        var json = new JsonObject
        {
            ["kind"] = "studyTrip", ["title"] = "Studienreise Erlangen", ["timeZone"] = "Europe/Berlin", ["calendars"] = new JsonArray(calendar),
            ["organizer"] = new JsonObject { ["name"] = "寿阳经开区" }, ["itinerary"] = new JsonArray(item),
        };
        var created = await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(json.ToJsonString())), HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }
}
