using System.Net;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;
using static VisitPlanner.Functions.Tests.Pages.PageTestSupport;

namespace VisitPlanner.Functions.Tests.Pages;

/// <summary>A recurring 周例会 in headless Chromium: the calendar page lists each occurrence on its day, the event page its dates.</summary>
public sealed class SeriesPageTests(TestHost host, Browser browser) : IClassFixture<TestHost>, IClassFixture<Browser>
{
    /// <summary>The first Monday at least a week ahead, so every occurrence lies in the page's coming window.</summary>
    private static readonly DateOnly FirstMonday = Enumerable.Range(7, 7).Select(d => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(d)).First(d => d.DayOfWeek == DayOfWeek.Monday);

    private async Task<string> PostWeeklyAsync(string calendar)
    {
        var json = $$$"""
            {"kind":"meeting","title":"周例会","calendars":["{{{calendar}}}"],"organizer":{"name":"寿阳经开区党政办"},
             "itinerary":[{"id":"meeting","title":"周例会","start":"{{{Iso(FirstMonday)}}}T09:00","end":"{{{Iso(FirstMonday)}}}T10:00","location":{"name":"管委会三楼会议室","city":"寿阳"}}],
             "recurrence":{"frequency":"weekly","count":4,"holidays":"keep"},
             "exceptions":[{"date":"{{{Iso(FirstMonday.AddDays(7))}}}","status":"cancelled"},
                           {"date":"{{{Iso(FirstMonday.AddDays(14))}}}","title":"周例会（扩大会议）","itinerary":[{"id":"meeting","start":"{{{Iso(FirstMonday.AddDays(15))}}}T14:00","end":"{{{Iso(FirstMonday.AddDays(15))}}}T16:00"}]}]}
            """;
        var body = await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(json)), HttpStatusCode.Created);
        return body.GetProperty("id").GetString()!;
    }

    [ChromiumFact]
    public async Task The_calendar_page_lists_each_occurrence_on_its_day_and_the_event_page_its_dates()
    {
        var calendar = await NewCalendarAsync(host);
        var eventId = await PostWeeklyAsync(calendar);
        await using var page = await browser.NewPageAsync();

        await page.Page.GotoAsync(Url(host, $"api/calendars/{calendar}/page"));

        Assert.Contains("09:00–10:00", await page.Page.Locator($"#day-{Iso(FirstMonday)}").InnerTextAsync());
        Assert.Contains("已取消 Cancelled", await page.Page.Locator($"#day-{Iso(FirstMonday.AddDays(7))}").InnerTextAsync());
        Assert.Equal(0, await page.Page.Locator($"#day-{Iso(FirstMonday.AddDays(14))}").CountAsync());
        var moved = await page.Page.Locator($"#day-{Iso(FirstMonday.AddDays(15))}").InnerTextAsync();
        Assert.Contains("周例会（扩大会议）", moved);
        Assert.Contains("14:00–16:00", moved);
        Assert.Contains("09:00–10:00", await page.Page.Locator($"#day-{Iso(FirstMonday.AddDays(21))}").InnerTextAsync());

        await page.Page.GotoAsync(Url(host, $"api/events/{eventId}/page"));
        var dates = page.Page.Locator("#occurrences li");
        Assert.Equal(4, await dates.CountAsync());
        Assert.Contains("已取消 Cancelled", await page.Page.Locator($"#occurrences li[data-date='{Iso(FirstMonday.AddDays(7))}']").InnerTextAsync());
        Assert.Contains("周例会（扩大会议）", await page.Page.Locator($"#occurrences li[data-date='{Iso(FirstMonday.AddDays(14))}']").InnerTextAsync());
        await page.AssertNoErrorsAsync();
        await page.SaveScreenshotAsync("series-event-page");
    }
}
