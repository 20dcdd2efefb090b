using VisitPlanner.Core.Import;

namespace VisitPlanner.Core.Tests.Import;

/// <summary>
/// A file whose VEVENTs are mostly wrong, as exports by other office tools can be: each bad one is skipped with its reason
/// and its BEGIN:VEVENT line, and the good ones are imported all the same.
/// </summary>
public class ProblemEventsTests
{
    private static readonly ImportPlan Plan = ImportFixtures.Read("problem-events.ics");

    private const string Reads = "a series is imported from FREQ (DAILY, WEEKLY or MONTHLY), INTERVAL, BYDAY, BYMONTHDAY, UNTIL or COUNT, and WKST";

    [Fact]
    public void EveryBadVEventIsSkippedWithItsReasonAndLine() => Assert.Equal(
    [
        new SkippedEvent("no-summary@shouyang-edz.example", 5, "has no SUMMARY: an event needs a title"),
        new SkippedEvent(null, 12, "has no UID, which an import needs to know the event again when the file is imported anew"),
        new SkippedEvent("no-start@shouyang-edz.example", 18, "has no DTSTART: an event needs a start"),
        new SkippedEvent("bad-start@shouyang-edz.example", 23, "line 27, DTSTART: '2026-10-15 09:00' is not a date or a date-time (such as 20261015 or 20261015T090000)"),
        new SkippedEvent("ends-before@shouyang-edz.example", 29, "line 34, DTEND: the event ends (2026-10-16T14:00:00) before it starts (2026-10-16T15:00:00)"),
        new SkippedEvent("mixed-types@shouyang-edz.example", 36, "line 41, DTEND: is a date-time, but DTSTART is a date: both are dates for an all-day event, or both date-times"),
        new SkippedEvent("yearly@shouyang-edz.example", 43, "line 49, RRULE: FREQ=YEARLY is not imported: a series repeats daily, weekly or monthly"),
        new SkippedEvent("yearly@shouyang-edz.example", 51, "overrides an occurrence of the series at line 43, which is not imported"),
        new SkippedEvent("setpos@shouyang-edz.example", 59, $"line 65, RRULE: BYSETPOS is not imported: {Reads}"),
        new SkippedEvent("two-rules@shouyang-edz.example", 67, "line 74, RRULE: is a second RRULE: a series is imported from one rule"),
        new SkippedEvent("exrule@shouyang-edz.example", 76, "line 83, EXRULE: is not imported: a series is imported from RRULE, RDATE and EXDATE (RFC 5545 deprecates EXRULE)"),
        new SkippedEvent("fortnightly-sunday@shouyang-edz.example", 85,
            "line 91, RRULE: WKST=SU with INTERVAL=2 and BYDAY=SU,MO is not imported: weeks starting on Sunday pair these days otherwise than the Monday weeks a series is imported with"),
        new SkippedEvent("unknown-zone@shouyang-edz.example", 102, "repeats the UID of the VEVENT at line 93, which is the one imported"),
        new SkippedEvent("cancelled-series@shouyang-edz.example", 109, "cancelled in the source", CancelledInSource: true),
    ], Plan.Skipped);

    [Fact]
    public void AnUnknownZoneWithoutVTimeZoneIsTheCalendarsWithAWarningNamingIt()
    {
        var matchmaking = ImportFixtures.Single(Plan, "unknown-zone@shouyang-edz.example");

        Assert.Equal(93, matchmaking.Line);
        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"meeting","title":"项目对接会","timeZone":"Asia/Shanghai","calendars":["shouyang-edz-meetings"],
             "organizer":{"name":"寿阳经开区党政办"},
             "itinerary":[{"id":"item","title":"项目对接会","start":"2026-10-21T09:30:00","end":"2026-10-21T11:30:00","location":{"name":"管委会一楼洽谈室"}}]}
            """), ImportFixtures.Json(matchmaking.Body));
        Assert.Equal(
        [
            "TZID 'Beijing Time' names no IANA or Windows time zone, and the file has no VTIMEZONE for it: its times are read in Asia/Shanghai, the calendar's zone",
            "no ORGANIZER: the organizer is 寿阳经开区党政办, the import's default",
        ], matchmaking.Warnings);
    }

    [Fact]
    public void EveryWeekdayIsAWeeklyRuleAndAQuotedZoneWithSpacesIsItsIanaZone()
    {
        var briefing = ImportFixtures.Single(Plan, "weekdays@shouyang-edz.example");

        // UNTIL=20261023T000000Z is 08:00 on the 23rd in Shanghai, the start of that day's briefing: it is the last.
        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"meeting","title":"早间调度会","timeZone":"Asia/Shanghai","calendars":["shouyang-edz-meetings"],
             "organizer":{"name":"寿阳经开区党政办"},
             "itinerary":[{"id":"item","title":"早间调度会","start":"2026-10-12T08:00:00","end":"2026-10-12T08:30:00"}],
             "recurrence":{"frequency":"weekly","byDay":["MO","TU","WE","TH","FR"],"until":"2026-10-23","holidays":"keep"}}
            """), ImportFixtures.Json(briefing.Body));
        Assert.Equal(["no ORGANIZER: the organizer is 寿阳经开区党政办, the import's default"], briefing.Warnings);
    }

    [Fact]
    public void OnlyTheGoodOnesAreImportedAndTheApiAcceptsThem()
    {
        Assert.Equal([93, 118], Plan.Events.Select(e => e.Line));
        ImportFixtures.AssertAllAccepted(Plan);
    }
}
