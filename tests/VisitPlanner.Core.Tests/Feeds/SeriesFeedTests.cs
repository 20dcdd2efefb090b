using System.Text;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Tests.Domain.Recurrence;
using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Feeds;

/// <summary>Series in feeds as text: RRULE in the item's TZID, EXDATE and RDATE in DTSTART's form, overrides by RECURRENCE-ID.</summary>
public class SeriesFeedTests
{
    internal static string Render(params VisitEvent[] events) =>
        Encoding.UTF8.GetString(FeedRenderer.Render(FeedRendererTests.Source(today: new LocalDate(2026, 9, 1)), events.Select(e => new AgendaEntry(e))));

    [Fact]
    public void AMondayMeetingIsOneMasterWithItsHolidayExcluded()
    {
        var ics = Render(TestEvents.FromJson(SeriesExpansionTests.WeeklyMeetingJson(), id: "evt-weekly"));
        Assert.Contains("DTSTART;TZID=Asia/Shanghai:20260907T090000\r\n", ics);
        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261130T155959Z\r\n", ics);
        Assert.Contains("EXDATE;TZID=Asia/Shanghai:20261005T090000\r\n", ics);
        Assert.DoesNotContain("RECURRENCE-ID", ics);
        Assert.Single(ics.Split("BEGIN:VEVENT").Skip(1));
    }

    [Fact]
    public void AMovedOccurrenceIsAnOverrideOfTheMaster()
    {
        var ics = Render(TestEvents.FromJson(SeriesExpansionTests.WeeklyMeetingJson("nextWorkday"), id: "evt-weekly"));
        Assert.DoesNotContain("EXDATE", ics);
        var events = ics.Split("BEGIN:VEVENT").Skip(1).ToArray();
        Assert.Equal(2, events.Length);
        Assert.Contains("RECURRENCE-ID;TZID=Asia/Shanghai:20261005T090000\r\n", events[1]);
        Assert.Contains("DTSTART;TZID=Asia/Shanghai:20261008T090000\r\n", events[1]);
        Assert.Contains("UID:evt-weekly-meeting@visitplanner\r\n", events[1]);
    }

    [Fact]
    public void APersonsFeedHasTheSeriesOfTheItemsTheyAttend()
    {
        var json = SeriesExpansionTests.WeeklyMeetingJson().Replace("\"location\":", "\"participants\":[{\"personId\":\"li-weiping\",\"role\":\"主持\"}],\"location\":");
        var series = TestEvents.FromJson(json, id: "evt-weekly");
        var source = FeedRendererTests.Source(personId: "li-weiping", today: new LocalDate(2026, 9, 1));

        var mine = Encoding.UTF8.GetString(FeedRenderer.Render(source, [new AgendaEntry(series)]));
        var others = Encoding.UTF8.GetString(FeedRenderer.Render(FeedRendererTests.Source(personId: "wang-yong", today: new LocalDate(2026, 9, 1)), [new AgendaEntry(series)]));

        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=MO;", mine);
        Assert.Contains("EXDATE;TZID=Asia/Shanghai:20261005T090000", mine);
        Assert.DoesNotContain("BEGIN:VEVENT", others);
    }

    [Fact]
    public void WorkdaysAreWeekdaysWithHolidaysExcludedAndMakeUpDaysAdded()
    {
        var ics = Render(TestEvents.FromJson(SeriesExpansionTests.WorkdayBriefingJson(), id: "evt-briefing"));
        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261016T155959Z\r\n", ics);
        Assert.Contains("RDATE:20260920T000000Z,20261010T000000Z\r\n", ics);
        Assert.Contains("EXDATE;TZID=Asia/Shanghai:20260925T080000,20261001T080000,20261002T080000,20261005T08", ics.Replace("\r\n ", ""));
    }
}
