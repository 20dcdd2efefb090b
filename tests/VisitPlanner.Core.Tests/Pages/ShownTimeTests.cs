using System.Text.RegularExpressions;
using VisitPlanner.Core.Pages;
using static VisitPlanner.Core.Tests.Pages.PageTestData;

namespace VisitPlanner.Core.Tests.Pages;

/// <summary>
/// Pages show the times the feed has: an item's instants in a zone, never its local input. In Europe/Berlin 02:30 does
/// not exist on 29 March 2026 (clocks jump from 02:00 to 03:00), so it is shown as 03:30, moved forward by the gap; it
/// happens twice on 25 October 2026 (03:00 falls back to 02:00), so it is shown with the UTC offset saying which.
/// </summary>
public class ShownTimeTests
{
    private static string BerlinItem(string start, string end) => TestEvents.SingleItemJson(
        $$"""{"id":"talk","title":"Gespräch","start":"{{start}}","end":"{{end}}"}""", title: "Besuch in Erlangen", timeZone: "Europe/Berlin");

    private static string[] EventRowCells(string html)
    {
        var row = Regex.Match(Element(html, "table", "itinerary-table"), "<tr class=\"stop[^\"]*\"[^>]*>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        return Regex.Matches(row, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => Text(m.Groups[1].Value)).ToArray();
    }

    [Fact]
    public void AnEventPageShowsATimeInTheSpringGapMovedForwardByTheGap()
    {
        var visit = TestEvents.FromJson(BerlinItem("2026-03-29T02:30", "2026-03-29T04:00"));

        var cells = EventRowCells(RenderEvent(visit));

        Assert.Equal("3月29日 周日Sun 29 Mar", cells[0]);
        Assert.Equal("03:30–04:00", cells[1]);
    }

    [Fact]
    public void AnEventPageSaysWhichOfTwoAutumnTimesAnItemMeans()
    {
        // From the first 02:30 (summer time, UTC+2) to the second (winter time, UTC+1): one hour.
        var visit = TestEvents.FromJson(BerlinItem("2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00"));

        Assert.Equal("02:30 (UTC+02:00)–02:30 (UTC+01:00)", EventRowCells(RenderEvent(visit))[1]);
    }

    [Fact]
    public void AnUnambiguousTimeShowsNoOffset()
    {
        var visit = TestEvents.FromJson(BerlinItem("2026-10-25T09:00", "2026-10-25T10:00"));

        Assert.Equal("09:00–10:00", EventRowCells(RenderEvent(visit))[1]);
    }

    [Fact]
    public void ACalendarPageInTheItemsZoneShowsTheMovedAndTheDisambiguatedTimes()
    {
        var spring = TestEvents.FromJson(BerlinItem("2026-03-29T02:30", "2026-03-29T04:00"), id: "evt-spring");
        var autumn = TestEvents.FromJson(BerlinItem("2026-10-25T02:30:00+01:00", "2026-10-25T03:30"), id: "evt-autumn");

        var html = CalendarPage.Render(Calendar([spring, autumn], zone: "Europe/Berlin"));

        Assert.Contains("03:30–04:00", Text(Element(html, "section", "day-2026-03-29")));
        Assert.DoesNotContain("02:30", Text(Element(html, "section", "day-2026-03-29")));
        Assert.Contains("02:30 (UTC+01:00)–03:30", Text(Element(html, "section", "day-2026-10-25")));
    }

    [Fact]
    public void ACalendarPageInAnotherZoneGivesTheItemsLocalTimeFromItsInstant()
    {
        var spring = TestEvents.FromJson(BerlinItem("2026-03-29T02:30", "2026-03-29T04:00"), id: "evt-spring");

        var html = CalendarPage.Render(Calendar([spring], zone: "Asia/Shanghai"));

        // 03:30 in Berlin (UTC+2) is 09:30 in Shanghai.
        var day = Text(Element(html, "section", "day-2026-03-29"));
        Assert.Contains("09:30–10:00", day);
        Assert.Contains("当地 Local 03:30–04:00 Europe/Berlin", day);
    }
}
