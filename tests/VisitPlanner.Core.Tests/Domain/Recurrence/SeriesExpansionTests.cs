using NodaTime;
using NodaTime.Text;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Domain.Recurrence;

namespace VisitPlanner.Core.Tests.Domain.Recurrence;

/// <summary>
/// Occurrences of series on China's working calendar, with the real dates of 2026: 国庆节 1–7 October, 中秋节 25–27
/// September, and the make-up working days Sunday 20 September and Saturday 10 October.
/// </summary>
public class SeriesExpansionTests
{
    /// <summary>周例会: every Monday 09:00–10:00 from 7 September to 30 November 2026.</summary>
    internal static string WeeklyMeetingJson(string holidays = "skip", string extra = "") => $$$"""
        {"kind":"meeting","title":"周例会","calendars":["{{{Testing.SeedEvents.CalendarId}}}"],"organizer":{"name":"寿阳经开区党政办"},
         "itinerary":[{"id":"meeting","title":"周例会","start":"2026-09-07T09:00","end":"2026-09-07T10:00","location":{"name":"管委会三楼会议室","city":"寿阳"}}],
         "recurrence":{"frequency":"weekly","byDay":["MO"],"until":"2026-11-30","holidays":"{{{holidays}}}"}{{{extra}}}}
        """;

    /// <summary>A 08:00–08:30 briefing on every working day from 14 September to 16 October 2026.</summary>
    internal static string WorkdayBriefingJson() => $$$"""
        {"kind":"meeting","title":"早间调度会","calendars":["{{{Testing.SeedEvents.CalendarId}}}"],"organizer":{"name":"寿阳经开区党政办"},
         "itinerary":[{"id":"briefing","title":"早间调度会","start":"2026-09-14T08:00","end":"2026-09-14T08:30"}],
         "recurrence":{"frequency":"workdays","until":"2026-10-16"}}
        """;

    [Fact]
    public void AMondayMeetingSkipsNationalDay()
    {
        var series = TestEvents.FromJson(WeeklyMeetingJson());
        var occurrences = series.Occurrences;
        Assert.Equal(13, occurrences.Count);
        var holiday = Assert.Single(occurrences, o => !o.TakesPlace);
        Assert.Equal(Date("2026-10-05"), holiday.OriginalDate);
        Assert.Equal(OccurrenceStatus.Skipped, holiday.Status);
        Assert.Equal("国庆节", holiday.Reason);
        Assert.All(occurrences, o => Assert.Equal(IsoDayOfWeek.Monday, o.Date.DayOfWeek));
        Assert.Equal(Instant.FromUtc(2026, 9, 7, 1, 0), series.StartsAt);
        Assert.Equal(Instant.FromUtc(2026, 11, 30, 2, 0), series.EndsAt);
    }

    [Fact]
    public void NextWorkdayMovesItToThursdayTheEighth()
    {
        var occurrences = TestEvents.FromJson(WeeklyMeetingJson("nextWorkday")).Occurrences;
        Assert.Equal(13, occurrences.Count);
        Assert.All(occurrences, o => Assert.True(o.TakesPlace));
        var moved = Assert.Single(occurrences, o => o.Moved);
        Assert.Equal(Date("2026-10-05"), moved.OriginalDate);
        Assert.Equal(Date("2026-10-08"), moved.Date);
        Assert.Equal("国庆节", moved.Reason);
        Assert.Equal(Instant.FromUtc(2026, 10, 8, 1, 0), moved.StartsAt);
    }

    [Fact]
    public void KeepMeetsOnTheHolidayToo()
    {
        var occurrences = TestEvents.FromJson(WeeklyMeetingJson("keep")).Occurrences;
        Assert.Equal(13, occurrences.Count(o => o.TakesPlace));
        Assert.Contains(occurrences, o => o.Date == Date("2026-10-05") && o.Reason is null);
    }

    [Fact]
    public void WorkdaysFollowChinasWorkingCalendar()
    {
        var occurrences = TestEvents.FromJson(WorkdayBriefingJson()).Occurrences;
        var meets = occurrences.Where(o => o.TakesPlace).Select(o => o.Date).ToArray();
        Assert.Contains(Date("2026-09-20"), meets);
        Assert.Contains(Date("2026-10-10"), meets);
        Assert.DoesNotContain(Date("2026-09-25"), meets);
        for (var day = 1; day <= 7; day++) Assert.DoesNotContain(new LocalDate(2026, 10, day), meets);
        Assert.Equal(21, meets.Length);
        Assert.Equal("中秋节", occurrences.Single(o => o.OriginalDate == Date("2026-09-25")).Reason);
        Assert.Equal("国庆节", occurrences.Single(o => o.OriginalDate == Date("2026-10-10")).Reason);
        Assert.All(occurrences.Where(o => o.TakesPlace), o => Assert.Equal(new LocalTime(8, 0), o.Itinerary[0].Timing.Start.TimeOfDay));
    }

    [Fact]
    public void ACountOfWorkdaysCountsTheDaysWorked()
    {
        var json = WorkdayBriefingJson().Replace("\"until\":\"2026-10-16\"", "\"count\":21");
        var occurrences = TestEvents.FromJson(json).Occurrences;
        Assert.Equal(21, occurrences.Count(o => o.TakesPlace));
        Assert.Equal(Date("2026-10-16"), occurrences.Where(o => o.TakesPlace).Max(o => o.Date));
    }

    [Fact]
    public void DatesNoScheduleCoversAreKeptAndFlagged()
    {
        var json = WeeklyMeetingJson().Replace("\"until\":\"2026-11-30\"", "\"until\":\"2027-01-11\"");
        var occurrences = TestEvents.FromJson(json).Occurrences;
        Assert.Equal(["2026-12-28", "2027-01-04", "2027-01-11"], occurrences.Where(o => o.HolidayScheduleMissing).Select(o => Text(o.OriginalDate)));
        Assert.All(occurrences.Where(o => o.HolidayScheduleMissing), o => Assert.True(o.TakesPlace));
    }

    [Fact]
    public void ExceptionsCancelAndOverrideSingleOccurrences()
    {
        var json = WeeklyMeetingJson(extra: """
            ,"exceptions":[
              {"date":"2026-09-14","status":"cancelled"},
              {"date":"2026-09-21","title":"周例会（扩大会议）","notes":"请各部门负责人参加","location":{"name":"管委会一楼报告厅"},
               "itinerary":[{"id":"meeting","start":"2026-09-22T14:00","end":"2026-09-22T16:00"}]}]
            """);
        var occurrences = TestEvents.FromJson(json).Occurrences;
        var cancelled = occurrences.Single(o => o.OriginalDate == Date("2026-09-14"));
        Assert.Equal(OccurrenceStatus.Cancelled, cancelled.Status);
        var changed = occurrences.Single(o => o.OriginalDate == Date("2026-09-21"));
        Assert.True(changed.Overridden);
        Assert.True(changed.TakesPlace);
        Assert.Equal("周例会（扩大会议）", changed.Itinerary[0].Title);
        Assert.Equal("管委会一楼报告厅", changed.Itinerary[0].Location!.Name);
        Assert.Equal("请各部门负责人参加", changed.Itinerary[0].Notes);
        Assert.Equal(Instant.FromUtc(2026, 9, 22, 6, 0), changed.StartsAt);
        Assert.True(changed.DiffersFromTemplate);
    }

    [Fact]
    public void WallClockTimesHoldAcrossADaylightSavingChange()
    {
        var json = """
            {"kind":"meeting","title":"Jour fixe Hannover","timeZone":"Europe/Berlin","calendars":["shouyang-edz-trips"],"organizer":{"name":"寿阳经开区驻德联络处"},
             "itinerary":[{"id":"call","title":"Jour fixe","start":"2026-03-16T09:00","end":"2026-03-16T09:30"}],
             "recurrence":{"frequency":"weekly","count":4,"holidays":"keep"}}
            """;
        var starts = TestEvents.FromJson(json).Occurrences.Select(o => o.StartsAt).ToArray();
        Assert.Equal([Instant.FromUtc(2026, 3, 16, 8, 0), Instant.FromUtc(2026, 3, 23, 8, 0), Instant.FromUtc(2026, 3, 30, 7, 0), Instant.FromUtc(2026, 4, 6, 7, 0)], starts);
    }

    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    private static string Text(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
