using VisitPlanner.Core.Import;

namespace VisitPlanner.Core.Tests.Import;

/// <summary>RRULE, RDATE, EXDATE and RECURRENCE-ID as the API's recurrence and exceptions; what it cannot hold skips the series with the reason.</summary>
public class RecurrenceImportTests
{
    private const string Organizer = "ORGANIZER;CN=李卫平:mailto:liweiping@shouyang-edz.example";

    /// <summary>周例会 09:00–10:00 in Shanghai from Monday 12 October 2026, with the lines given.</summary>
    private static ImportPlan Series(params string[] lines) => ImportFixtures.ReadEvents(ImportFixtures.Event("series@x",
        new[] { "DTSTART;TZID=Asia/Shanghai:20261012T090000", "DTEND;TZID=Asia/Shanghai:20261012T100000", Organizer }.Concat(lines).ToArray()));

    private static ImportedEvent Only(ImportPlan plan)
    {
        Assert.Empty(plan.Skipped);
        var imported = Assert.Single(plan.Events);
        ImportFixtures.AssertAccepted(imported);
        return imported;
    }

    private static string Recurrence(ImportedEvent imported) => ImportFixtures.Json(imported.Body["recurrence"]!);

    private static string? Exceptions(ImportedEvent imported) => imported.Body["exceptions"] is { } node ? ImportFixtures.Json(node) : null;

    [Theory]
    [InlineData("FREQ=WEEKLY;COUNT=8", """{"frequency":"weekly","count":8,"holidays":"keep"}""")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20261231", """{"frequency":"weekly","interval":2,"byDay":["MO","WE"],"until":"2026-12-31","holidays":"keep"}""")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;WKST=SU;COUNT=6", """{"frequency":"weekly","interval":2,"byDay":["MO","WE"],"count":6,"holidays":"keep"}""")]
    [InlineData("FREQ=DAILY;INTERVAL=3;COUNT=5", """{"frequency":"daily","interval":3,"count":5,"holidays":"keep"}""")]
    [InlineData("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=10", """{"frequency":"weekly","byDay":["MO","TU","WE","TH","FR"],"count":10,"holidays":"keep"}""")]
    [InlineData("FREQ=MONTHLY;BYDAY=2MO;COUNT=6", """{"frequency":"monthly","byDay":["2MO"],"count":6,"holidays":"keep"}""")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=12;UNTIL=20270331T235959Z", """{"frequency":"monthly","byMonthDay":[12],"until":"2027-03-31","holidays":"keep"}""")]
    [InlineData("freq=monthly;count=3;", """{"frequency":"monthly","count":3,"holidays":"keep"}""")]
    public void ARuleIsTheApisRecurrence(string rrule, string recurrence) =>
        Assert.Equal(recurrence, Recurrence(Only(Series($"RRULE:{rrule}"))));

    [Fact]
    public void MonthlyRulesMayCountFromTheEndOfTheMonth()
    {
        // The last Friday, from 30 October 2026.
        var plan = ImportFixtures.ReadEvents(ImportFixtures.Event("last-friday@x", "DTSTART;TZID=Asia/Shanghai:20261030T150000", "DURATION:PT2H", Organizer,
            "RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=4", "CATEGORIES:联席会议"));

        var imported = Only(plan);
        Assert.Equal("""{"frequency":"monthly","byDay":["-1FR"],"count":4,"holidays":"keep"}""", Recurrence(imported));
        Assert.Equal("2026-10-30T17:00:00", (string)imported.Body["itinerary"]![0]!["end"]!);
    }

    [Theory]
    // 09:00 in Shanghai is 01:00Z: an UNTIL at that instant lets the day in, one a second before does not.
    [InlineData("UNTIL=20261130T010000Z", "2026-11-30")]
    [InlineData("UNTIL=20261130T005959Z", "2026-11-29")]
    [InlineData("UNTIL=20261130T155959Z", "2026-11-30")]
    [InlineData("UNTIL=20261130", "2026-11-30")]
    [InlineData("UNTIL=20261130T090000", "2026-11-30")]
    [InlineData("UNTIL=20261130T085959", "2026-11-29")]
    public void UntilIsTheLocalDateOfTheLastOccurrence(string until, string date) =>
        Assert.Equal(date, (string)Only(Series($"RRULE:FREQ=WEEKLY;BYDAY=MO;{until}")).Body["recurrence"]!["until"]!);

    [Fact]
    public void AnUntilBeforeTheStartIsTheFirstOccurrenceAlone()
    {
        var imported = Only(Series("RRULE:FREQ=WEEKLY;UNTIL=20261001T000000Z"));

        Assert.Equal("2026-10-12", (string)imported.Body["recurrence"]!["until"]!);
        Assert.Equal(["line 10, RRULE: UNTIL=20261001T000000Z is before the first occurrence: the series is imported as that occurrence alone"], imported.Warnings);
    }

    [Fact]
    public void AnUntilBeyondFiveYearsIsCutWithAWarning()
    {
        var imported = Only(Series("RRULE:FREQ=WEEKLY;UNTIL=20351231T000000Z"));

        Assert.Equal("2031-10-11", (string)imported.Body["recurrence"]!["until"]!);
        Assert.Equal(["line 10, RRULE: UNTIL=20351231T000000Z is more than five years after the first occurrence, longer than a series may run: it is imported until 2031-10-11"], imported.Warnings);
    }

    [Fact]
    public void AnEndlessDailySeriesStopsAtAThousandOccurrences()
    {
        var imported = Only(Series("RRULE:FREQ=DAILY"));

        Assert.Equal("""{"frequency":"daily","until":"2029-07-07","holidays":"keep"}""", Recurrence(imported));
        Assert.Equal(
        [
            "line 10, RRULE: has no UNTIL or COUNT: the series is imported until 2031-10-11, five years after its first occurrence, as long as a series may run",
            "line 10, RRULE: gives more than 1,000 occurrences, more than a series may have: it is imported until 2029-07-07, its 1,000th",
        ], imported.Warnings);
    }

    [Fact]
    public void ACountReachingPastFiveYearsBecomesAnUntil()
    {
        var imported = Only(Series("RRULE:FREQ=MONTHLY;COUNT=80"));

        Assert.Equal("""{"frequency":"monthly","until":"2031-10-12","holidays":"keep"}""", Recurrence(imported));
        Assert.Equal(["line 10, RRULE: COUNT=80 reaches more than five years past the first occurrence, longer than a series may run: it is imported until 2031-10-12, the last of its 61 occurrences within them"], imported.Warnings);
    }

    [Fact]
    public void ExdatesOfEveryKindAreCancelledOccurrencesOnTheirLocalDates()
    {
        var imported = Only(Series("RRULE:FREQ=WEEKLY;COUNT=8",
            "EXDATE;TZID=Asia/Shanghai:20261019T090000,20261026T090000",
            "EXDATE:20261102T010000Z",
            "EXDATE;VALUE=DATE:20261109",
            "EXDATE;TZID=Europe/Berlin:20261116T020000",
            "EXDATE;TZID=Asia/Shanghai:20261019T090000"));

        Assert.Equal("""
            [{"date":"2026-10-19","status":"cancelled"},{"date":"2026-10-26","status":"cancelled"},{"date":"2026-11-02","status":"cancelled"},{"date":"2026-11-09","status":"cancelled"},{"date":"2026-11-16","status":"cancelled"}]
            """.Trim(), Exceptions(imported));
        Assert.Empty(imported.Warnings);
    }

    [Fact]
    public void AnExdateThatIsNoOccurrenceIsLeftAsideWithAWarning()
    {
        var imported = Only(Series("RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE;TZID=Asia/Shanghai:20261020T090000", "EXDATE;TZID=Asia/Shanghai:20261207T090000"));

        Assert.Null(Exceptions(imported));
        Assert.Equal(["line 11, EXDATE: 2026-10-20 is no occurrence of the series: left aside", "line 12, EXDATE: 2026-12-07 is no occurrence of the series: left aside"], imported.Warnings);
    }

    [Fact]
    public void RdatesAreExtraDatesAndThoseOutsideTheSeriesAreLeftAside()
    {
        var imported = Only(Series("RRULE:FREQ=WEEKLY;UNTIL=20261130", "RDATE;VALUE=DATE:20261014,20261012,20261019", "RDATE;TZID=Asia/Shanghai:20261010T090000", "RDATE;VALUE=PERIOD:20261128T010000Z/PT1H", "RDATE:20261205T010000Z"));

        Assert.Equal("""{"frequency":"weekly","until":"2026-11-30","extraDates":["2026-10-14","2026-11-28"],"holidays":"keep"}""", Recurrence(imported));
        Assert.Equal(
        [
            "line 12, RDATE: 2026-10-10 is before the series' first occurrence (2026-10-12): left aside",
            "line 14, RDATE: 2026-12-05 is after the series' end (2026-11-30): left aside",
        ], imported.Warnings);
    }

    [Fact]
    public void RdatesAloneAreAOneOccurrenceRuleWithExtraDates()
    {
        var imported = Only(Series("RDATE;TZID=Asia/Shanghai:20261015T090000,20261022T090000", "EXDATE;TZID=Asia/Shanghai:20261022T090000"));

        Assert.Equal("""{"frequency":"daily","count":1,"extraDates":["2026-10-15","2026-10-22"],"holidays":"keep"}""", Recurrence(imported));
        Assert.Equal("""[{"date":"2026-10-22","status":"cancelled"}]""", Exceptions(imported));
    }

    [Fact]
    public void AUtcStartCountsItsWeekdaysInUtc()
    {
        // Monday 23:30Z is Tuesday 07:30 in Shanghai: the Monday rule meets on Tuesdays there.
        var plan = ImportFixtures.ReadEvents(ImportFixtures.Event("utc@x", "DTSTART:20261012T233000Z", "DTEND:20261013T000000Z", Organizer,
            "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261102T233000Z", "EXDATE:20261019T233000Z"));

        var imported = Only(plan);
        Assert.Equal("""{"frequency":"weekly","byDay":["TU"],"until":"2026-11-03","holidays":"keep"}""", Recurrence(imported));
        Assert.Equal("""[{"date":"2026-10-20","status":"cancelled"}]""", Exceptions(imported));
        Assert.Equal("2026-10-12T23:30:00Z", (string)imported.Body["itinerary"]![0]!["start"]!);
    }

    [Fact]
    public void AUtcSeriesInAZoneThatChangesItsClocksIsKeptAtItsFirstLocalTimeWithAWarning()
    {
        var plan = ImportFixtures.ReadEvents(ImportFixtures.Event("utc@x", "DTSTART:20261019T080000Z", "DURATION:PT1H", Organizer, "RRULE:FREQ=WEEKLY;COUNT=3"), zone: "Europe/Berlin");

        var imported = Only(plan);
        Assert.Equal(["DTSTART is in UTC, and Europe/Berlin changes its clocks while the series runs: every occurrence is imported at 10:00 Europe/Berlin time, as on the first date, where the file's would move by the change"], imported.Warnings);
    }

    [Theory]
    [InlineData("FREQ=YEARLY", "line 10, RRULE: FREQ=YEARLY is not imported: a series repeats daily, weekly or monthly")]
    [InlineData("FREQ=HOURLY;COUNT=3", "line 10, RRULE: FREQ=HOURLY is not imported: a series repeats daily, weekly or monthly")]
    [InlineData("FREQ=WEEKLY;BYHOUR=9,14", "line 10, RRULE: BYHOUR is not imported: a series is imported from FREQ (DAILY, WEEKLY or MONTHLY), INTERVAL, BYDAY, BYMONTHDAY, UNTIL or COUNT, and WKST")]
    [InlineData("FREQ=WEEKLY;BYWEEKNO=42", "line 10, RRULE: BYWEEKNO is not imported: a series is imported from FREQ (DAILY, WEEKLY or MONTHLY), INTERVAL, BYDAY, BYMONTHDAY, UNTIL or COUNT, and WKST")]
    [InlineData("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=2", "line 10, RRULE: BYSETPOS is not imported: a series is imported from FREQ (DAILY, WEEKLY or MONTHLY), INTERVAL, BYDAY, BYMONTHDAY, UNTIL or COUNT, and WKST")]
    [InlineData("COUNT=3", "line 10, RRULE: has no FREQ")]
    [InlineData("FREQ=WEEKLY;COUNT", "line 10, RRULE: is not a recurrence rule: its parts are NAME=value, separated by ';', each given once")]
    [InlineData("FREQ=WEEKLY;COUNT=3;COUNT=4", "line 10, RRULE: is not a recurrence rule: its parts are NAME=value, separated by ';', each given once")]
    [InlineData("FREQ=WEEKLY;COUNT=3;UNTIL=20261130", "line 10, RRULE: has both UNTIL and COUNT, which RFC 5545 does not allow")]
    [InlineData("FREQ=WEEKLY;INTERVAL=0", "line 10, RRULE: INTERVAL=0 is not a whole number from 1 to 366")]
    [InlineData("FREQ=WEEKLY;BYDAY=1MO", "line 10, RRULE: BYDAY=1MO: '1MO' is not a weekday (MO..SU): an ordinal such as 1MO is for monthly rules")]
    [InlineData("FREQ=MONTHLY;BYDAY=6MO", "line 10, RRULE: BYDAY=6MO: '6MO' is not a weekday (MO..SU), with an ordinal of 1 to 5 or -1 to -5 where wanted (1TU, -1FR)")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=0", "line 10, RRULE: BYMONTHDAY=0: '0' is not a day of the month (1 to 31, or -1 to -31 from the end)")]
    [InlineData("FREQ=WEEKLY;BYMONTHDAY=12", "line 10, RRULE: BYMONTHDAY with FREQ=WEEKLY is not imported: a series meets on days of the month only monthly")]
    [InlineData("FREQ=DAILY;INTERVAL=2;BYDAY=MO", "line 10, RRULE: BYDAY with FREQ=DAILY and an INTERVAL is not imported: the days it meets follow no weekly or monthly rule")]
    [InlineData("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "line 10, RRULE: BYDAY and BYMONTHDAY together (the days that are both, such as Friday the 13th) are not imported")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=SU", "line 10, RRULE: WKST=SU with INTERVAL=2 and BYDAY=MO,SU is not imported: weeks starting on Sunday pair these days otherwise than the Monday weeks a series is imported with")]
    [InlineData("FREQ=WEEKLY;WKST=XX", "line 10, RRULE: WKST=XX is not a weekday (MO..SU)")]
    [InlineData("FREQ=WEEKLY;BYDAY=TU", "line 10, RRULE: does not meet on DTSTART's date, 2026-10-12 (Monday), which is the first occurrence of a series")]
    [InlineData("FREQ=WEEKLY;COUNT=3\nRRULE:FREQ=WEEKLY;COUNT=4", "line 11, RRULE: is a second RRULE: a series is imported from one rule")]
    [InlineData("FREQ=WEEKLY;COUNT=3\nEXRULE:FREQ=WEEKLY;COUNT=1", "line 11, EXRULE: is not imported: a series is imported from RRULE, RDATE and EXDATE (RFC 5545 deprecates EXRULE)")]
    public void ARuleTheApiCannotHoldSkipsTheSeriesWithTheReason(string rrule, string reason)
    {
        var plan = Series($"RRULE:{rrule}");

        Assert.Empty(plan.Events);
        Assert.Equal(new SkippedEvent("series@x", 4, reason), Assert.Single(plan.Skipped));
    }

    [Fact]
    public void AMonthlyUtcRuleWhoseDaysMoveInTheZoneIsSkipped()
    {
        var plan = ImportFixtures.ReadEvents(ImportFixtures.Event("utc@x", "DTSTART:20261012T233000Z", Organizer, "RRULE:FREQ=MONTHLY;COUNT=3"));

        Assert.Equal("line 9, RRULE: is counted in UTC (DTSTART ends in Z), where the series' days are a day off its dates in Asia/Shanghai: a monthly rule cannot be moved with them; give DTSTART a TZID",
            Assert.Single(plan.Skipped).Reason);
    }

    /// <summary>An override of the series (UID series@x), with the lines given.</summary>
    private static string Override(string recurrenceId, params string[] lines) =>
        string.Join("\n", new[] { "BEGIN:VEVENT", "UID:series@x", $"RECURRENCE-ID;TZID=Asia/Shanghai:{recurrenceId}" }.Concat(lines).Append("END:VEVENT"));

    private static string Master(params string[] lines) => ImportFixtures.Event("series@x",
        new[] { "DTSTART;TZID=Asia/Shanghai:20261012T090000", "DTEND;TZID=Asia/Shanghai:20261012T100000", Organizer, "LOCATION:管委会三楼会议室", "DESCRIPTION:各部门汇报", "RRULE:FREQ=WEEKLY;COUNT=8" }.Concat(lines).ToArray());

    [Fact]
    public void OverridesBeforeOrAfterTheirSeriesAreItsExceptions()
    {
        var moved = Override("20261019T090000", "SUMMARY:周例会（调至周二）", "DTSTART;TZID=Asia/Shanghai:20261020T140000", "DTEND;TZID=Asia/Shanghai:20261020T150000", "LOCATION:管委会三楼会议室", "DESCRIPTION:各部门汇报");
        var cancelled = Override("20261026T090000", "STATUS:CANCELLED");
        var renamed = Override("20261102T090000", "SUMMARY:周例会", "DTSTART;TZID=Asia/Shanghai:20261102T090000", "DTEND;TZID=Asia/Shanghai:20261102T100000", "LOCATION:五楼大会议室", "DESCRIPTION:专题研究招商引资");
        const string expected = """
            [{"date":"2026-10-19","title":"周例会（调至周二）","itinerary":[{"id":"item","start":"2026-10-20T14:00:00","end":"2026-10-20T15:00:00"}]},
             {"date":"2026-10-26","status":"cancelled"},
             {"date":"2026-11-02","notes":"专题研究招商引资","location":{"name":"五楼大会议室"}}]
            """;

        var before = Only(ImportFixtures.ReadEvents(string.Join("\n", moved, cancelled, renamed, Master())));
        var after = Only(ImportFixtures.ReadEvents(string.Join("\n", Master(), renamed, moved, cancelled)));

        Assert.Equal(ImportFixtures.Expected(expected), Exceptions(before));
        Assert.Equal(ImportFixtures.Expected(expected), Exceptions(after));
        Assert.Empty(before.Warnings);
    }

    [Fact]
    public void AnOverrideThatChangesNothingAnOccurrenceHoldsIsLeftWithAWarning()
    {
        var same = Override("20261019T090000", "SUMMARY:周例会", "DTSTART;TZID=Asia/Shanghai:20261019T090000", "DTEND;TZID=Asia/Shanghai:20261019T100000",
            "LOCATION:管委会三楼会议室", "DESCRIPTION:各部门汇报", "ATTENDEE;CN=王勇:mailto:wangyong@jzgt.example");

        var imported = Only(ImportFixtures.ReadEvents(string.Join("\n", Master(), same)));

        Assert.Null(Exceptions(imported));
        Assert.Equal(["line 14: the override of 2026-10-19 changes nothing an occurrence holds (title, notes, location, times): nothing of it is imported"], imported.Warnings);
    }

    [Fact]
    public void AnOverrideWithoutDescriptionOrLocationKeepsTheSeriesOnesWithAWarning()
    {
        var bare = Override("20261019T090000", "DTSTART;TZID=Asia/Shanghai:20261019T100000", "DTEND;TZID=Asia/Shanghai:20261019T110000");

        var imported = Only(ImportFixtures.ReadEvents(string.Join("\n", Master(), bare)));

        Assert.Equal("""[{"date":"2026-10-19","itinerary":[{"id":"item","start":"2026-10-19T10:00:00","end":"2026-10-19T11:00:00"}]}]""", Exceptions(imported));
        Assert.Equal(
        [
            "line 14: the override of 2026-10-19 has no DESCRIPTION; an occurrence cannot drop its series' notes, so it keeps them",
            "line 14: the override of 2026-10-19 has no LOCATION; an occurrence cannot drop its series' place, so it keeps it",
        ], imported.Warnings);
    }

    [Fact]
    public void WhatAMergedOverrideReadDifferentlyIsSaidOnItsSeries()
    {
        var longNotes = new string('议', 8100);
        var over = Override("20261019T090000", "LOCATION:管委会三楼会议室", $"DESCRIPTION:{longNotes}", "DTSTART;TZID=Beijing:20261019T100000", "DTEND;TZID=Beijing:20261019T110000");

        var imported = Only(ImportFixtures.ReadEvents(string.Join("\n", Master(), over)));

        Assert.Equal(
        [
            "TZID 'Beijing' names no IANA or Windows time zone, and the file has no VTIMEZONE for it: its times are read in Asia/Shanghai, the calendar's zone",
            "line 18, DESCRIPTION: 8,100 characters, more than notes takes (8,000): it keeps the first 7,999 and \"…\"",
        ], imported.Warnings);
        Assert.Equal(8000, ((string)imported.Body["exceptions"]![0]!["notes"]!).Length);
    }

    [Fact]
    public void OfTwoOverridesOfOneOccurrenceTheHigherSequenceWins()
    {
        var first = Override("20261019T090000", "SEQUENCE:2", "SUMMARY:周例会（第二版）");
        var second = Override("20261019T090000", "SEQUENCE:1", "SUMMARY:周例会（第一版）");

        var plan = ImportFixtures.ReadEvents(string.Join("\n", Master(), first, second));

        Assert.Equal("""[{"date":"2026-10-19","title":"周例会（第二版）"}]""", Exceptions(Assert.Single(plan.Events)));
        Assert.Equal(new SkippedEvent("series@x", 20, "overrides the same occurrence (2026-10-19) as the VEVENT at line 14, which is newer (SEQUENCE, then order in the file) and imported"), Assert.Single(plan.Skipped));
    }

    [Fact]
    public void OverridesThatCannotBeExceptionsAreSkippedOrImportedOnTheirOwn()
    {
        var notAnOccurrence = Override("20261020T090000", "SUMMARY:临时加会", "DTSTART;TZID=Asia/Shanghai:20261020T090000", "DTEND;TZID=Asia/Shanghai:20261020T100000");
        var cancelledNonOccurrence = Override("20261021T090000", "STATUS:CANCELLED");
        var excluded = Override("20261026T090000", "SUMMARY:周例会（改）");
        var thisAndFuture = string.Join("\n", "BEGIN:VEVENT", "UID:series@x", "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Asia/Shanghai:20261102T090000", "SUMMARY:周例会（新）", "END:VEVENT");
        var allDay = Override("20261109T090000", "DTSTART;VALUE=DATE:20261109", "SUMMARY:周例会（全天研讨）");

        var plan = ImportFixtures.ReadEvents(string.Join("\n", Master("EXDATE;TZID=Asia/Shanghai:20261026T090000"), notAnOccurrence, cancelledNonOccurrence, excluded, thisAndFuture, allDay));

        Assert.Equal(
        [
            new SkippedEvent("series@x", 22, "cancels 2026-10-21, which is no occurrence of its series (line 4)"),
            new SkippedEvent("series@x", 27, "overrides 2026-10-26, which its series' EXDATE cancels (line 4)"),
            new SkippedEvent("series@x", 32, "line 34, RECURRENCE-ID: RANGE=THISANDFUTURE (this and every later occurrence) is not imported: change the series itself"),
        ], plan.Skipped);
        var series = ImportFixtures.Single(plan, "series@x");
        Assert.Equal("""[{"date":"2026-10-26","status":"cancelled"},{"date":"2026-11-09","status":"cancelled"}]""", Exceptions(series));
        var own = ImportFixtures.Single(plan, "series@x", "20261020T090000");
        Assert.Equal(["line 17, RECURRENCE-ID: 2026-10-20 is no occurrence of the series at line 4: this VEVENT is imported as an event of its own"], own.Warnings);
        var allDayOwn = ImportFixtures.Single(plan, "series@x", "20261109T090000");
        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"other","title":"周例会（全天研讨）","timeZone":"Asia/Shanghai","calendars":["shouyang-edz-meetings"],
             "organizer":{"name":"李卫平","email":"liweiping@shouyang-edz.example"},
             "itinerary":[{"id":"item","title":"周例会（全天研讨）","start":"2026-11-09","end":"2026-11-09"}]}
            """), ImportFixtures.Json(allDayOwn.Body));
        Assert.Equal(["line 37: the override of 2026-11-09 is all-day and its series is not: the occurrence is cancelled and this VEVENT imported as an event of its own"], allDayOwn.Warnings);
        ImportFixtures.AssertAllAccepted(plan);
    }

    [Fact]
    public void OverridesOfAnEventThatDoesNotRecurAreEventsOfTheirOwn()
    {
        var single = ImportFixtures.Event("single@x", "DTSTART;TZID=Asia/Shanghai:20261012T090000", Organizer, "EXDATE;TZID=Asia/Shanghai:20261019T090000");
        var over = string.Join("\n", "BEGIN:VEVENT", "UID:single@x", "RECURRENCE-ID;TZID=Asia/Shanghai:20261019T090000", "DTSTART;TZID=Asia/Shanghai:20261019T090000", "END:VEVENT");

        var plan = ImportFixtures.ReadEvents(string.Join("\n", single, over));

        Assert.Equal(["line 9, EXDATE: is for a series, and this event does not recur: left aside"], ImportFixtures.Single(plan, "single@x").Warnings);
        var own = ImportFixtures.Single(plan, "single@x", "20261019T090000");
        Assert.Equal("周例会", (string)own.Body["title"]!);
        Assert.Equal(["its UID's VEVENT (line 4) does not recur: it is imported as an event of its own"], own.Warnings);
    }

    [Fact]
    public void ACancelledSeriesTakesItsOverridesWithIt()
    {
        var plan = ImportFixtures.ReadEvents(string.Join("\n", Master("STATUS:CANCELLED"), Override("20261019T090000", "SUMMARY:周例会（改）")));

        Assert.Empty(plan.Events);
        Assert.Equal(
        [
            new SkippedEvent("series@x", 4, "cancelled in the source", CancelledInSource: true),
            new SkippedEvent("series@x", 15, "overrides an occurrence of the series at line 4, which is not imported"),
        ], plan.Skipped);
    }

    [Fact]
    public void ACancelledOverrideWithoutItsSeriesIsSkipped()
    {
        var plan = ImportFixtures.ReadEvents(Override("20261019T090000", "SUMMARY:周例会", "DTSTART;TZID=Asia/Shanghai:20261019T090000", "STATUS:CANCELLED"));

        Assert.Equal(new SkippedEvent("series@x", 4, "cancelled in the source"), Assert.Single(plan.Skipped));
    }

    [Fact]
    public void AnAllDaySeriesTakesDateExceptionsAndOverrides()
    {
        var master = ImportFixtures.Event("allday@x", "DTSTART;VALUE=DATE:20261016", "DTEND;VALUE=DATE:20261017", Organizer, "RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE;VALUE=DATE:20261023");
        var over = string.Join("\n", "BEGIN:VEVENT", "UID:allday@x", "RECURRENCE-ID;VALUE=DATE:20261030", "DTSTART;VALUE=DATE:20261030", "DTEND;VALUE=DATE:20261101", "SUMMARY:周例会", "END:VEVENT");

        var imported = Only(ImportFixtures.ReadEvents(string.Join("\n", master, over)));

        Assert.Equal("""[{"date":"2026-10-23","status":"cancelled"},{"date":"2026-10-30","itinerary":[{"id":"item","start":"2026-10-30","end":"2026-10-31"}]}]""", Exceptions(imported));
    }

    [Fact]
    public void AnOverrideWithoutDtstartKeepsTheSeriesTimes()
    {
        var plan = ImportFixtures.ReadEvents(string.Join("\n", Master("EXDATE;TZID=Asia/Shanghai:20261130T090000"), Override("20261123T090000", "SUMMARY:周例会（改）", "LOCATION:管委会三楼会议室", "DESCRIPTION:各部门汇报")));

        var series = Only(plan);
        Assert.Equal("""[{"date":"2026-11-23","title":"周例会（改）"},{"date":"2026-11-30","status":"cancelled"}]""", Exceptions(series));
        Assert.Empty(series.Warnings);
    }
}
