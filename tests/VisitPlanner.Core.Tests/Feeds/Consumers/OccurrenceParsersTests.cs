using System.Globalization;
using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Feeds.Consumers;

/// <summary>
/// The consumers that expand recurring events (<see cref="OccurrenceParsers"/>: ical.js, libical, recurring-ical-events)
/// over hand-written series (occurrences-*.ics beside this file) whose occurrences are worked out by hand: RRULE with
/// UNTIL and COUNT, EXDATE, RDATE with a TZID, an override that moves an instance, summer time, all-day series, and the
/// two ways of cancelling one occurrence. Every consumer must see exactly these occurrences, so a feed that passes here
/// looks the same in Thunderbird, Evolution and the Python clients.
/// </summary>
public class OccurrenceParsersTests
{
    private const string Weekly = "weekly@occurrences.fixture";

    /// <summary>The Mondays of the weekly fixture series, 09:00-10:00 Shanghai (01:00-02:00Z), UNTIL 30 November 01:00Z inclusive.</summary>
    private static readonly string[] Mondays =
        ["2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28", "2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26",
         "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"];

    [OccurrenceConsumerTheory, OccurrenceConsumerData]
    public void AWeeklySeriesWithAnExdateLosesExactlyThatMonday(string consumer)
    {
        var occurrences = Expand(consumer, "occurrences-weekly-exdate.ics");

        Assert.Equal(Timed("01:00", 60, Mondays.Where(d => d != "2026-10-05")), Spans(occurrences));
        Assert.Equal(12, occurrences.Count);
        Assert.DoesNotContain(occurrences, o => o.Start.StartsWith("2026-10-05", StringComparison.Ordinal));
        Assert.All(occurrences, o => Assert.Equal((Weekly, o.Start, "周一例会 Monday meeting", false), (o.Uid, o.RecurrenceId, o.Summary, o.AllDay)));
    }

    [OccurrenceConsumerTheory, OccurrenceConsumerData]
    public void AnOverrideMovesMondaysInstanceToThursday(string consumer)
    {
        var occurrences = Expand(consumer, "occurrences-weekly-moved.ics");

        var expected = Timed("01:00", 60, Mondays.Where(d => d != "2026-10-05").Append("2026-10-08").Order(StringComparer.Ordinal));
        Assert.Equal(expected, Spans(occurrences));
        Assert.Equal(13, occurrences.Count);
        var moved = Assert.Single(occurrences, o => o.Start == "2026-10-08T01:00:00.000Z");
        Assert.Equal(("2026-10-05T01:00:00.000Z", "周一例会 Monday meeting (moved to Thursday)"), (moved.RecurrenceId, moved.Summary));
        Assert.DoesNotContain(occurrences, o => o.Start.StartsWith("2026-10-05", StringComparison.Ordinal));
    }

    /// <summary>
    /// China's 2026 Mid-Autumn and National Day weeks as a workdays rule: Monday to Friday from 14 September to 16 October
    /// (UNTIL 16 October 00:00Z, that morning's 08:00 in Shanghai), the make-up working days Sunday 20 September and
    /// Saturday 10 October as RDATE in Asia/Shanghai, and the days off 25 September and 1, 2, 5, 6, 7 October as EXDATE
    /// (one folded line). 25 weekdays - 6 + 2 = 21 mornings, 08:00-12:00 Shanghai (00:00-04:00Z).
    /// </summary>
    [OccurrenceConsumerTheory, OccurrenceConsumerData]
    public void AWorkdaysRuleTakesItsMakeUpDaysFromRdateAndItsDaysOffFromExdate(string consumer)
    {
        var occurrences = Expand(consumer, "occurrences-workdays.ics");

        string[] days =
        [
            "2026-09-14", "2026-09-15", "2026-09-16", "2026-09-17", "2026-09-18", "2026-09-20",
            "2026-09-21", "2026-09-22", "2026-09-23", "2026-09-24",
            "2026-09-28", "2026-09-29", "2026-09-30",
            "2026-10-08", "2026-10-09", "2026-10-10",
            "2026-10-12", "2026-10-13", "2026-10-14", "2026-10-15", "2026-10-16",
        ];
        Assert.Equal(Timed("00:00", 240, days), Spans(occurrences));
        Assert.All(occurrences, o => Assert.Equal(o.Start, o.RecurrenceId));
    }

    /// <summary>09:00 in Berlin every Monday from 16 March, COUNT=4: CET (08:00Z) before 29 March, CEST (07:00Z) after.</summary>
    [OccurrenceConsumerTheory, OccurrenceConsumerData]
    public void ABerlinSeriesKeepsItsWallTimeAcrossTheMarchChange(string consumer)
    {
        var occurrences = Expand(consumer, "occurrences-berlin-dst.ics");

        Assert.Equal(Timed("08:00", 60, ["2026-03-16", "2026-03-23"]).Concat(Timed("07:00", 60, ["2026-03-30", "2026-04-06"])), Spans(occurrences));
    }

    /// <summary>An all-day series on the 15th (BYMONTHDAY=15, UNTIL a DATE, inclusive), EXDATE;VALUE=DATE for March.</summary>
    [OccurrenceConsumerTheory, OccurrenceConsumerData]
    public void AnAllDayMonthlySeriesSkipsItsExdate(string consumer)
    {
        var occurrences = Expand(consumer, "occurrences-monthly-all-day.ics");

        (string, string)[] expected =
            [("2026-01-15", "2026-01-16"), ("2026-02-15", "2026-02-16"), ("2026-04-15", "2026-04-16"), ("2026-05-15", "2026-05-16"), ("2026-06-15", "2026-06-16")];
        Assert.Equal(expected, Spans(occurrences));
        Assert.All(occurrences, o => Assert.Equal((true, o.Start), (o.AllDay, o.RecurrenceId)));
    }

    /// <summary>
    /// What a STATUS:CANCELLED override does. Finding: no consumer drops it. All three show the weekly series'
    /// 5 October instance, with the override's STATUS:CANCELLED and summary, where the master's instance was; what a
    /// client does with it then is its own affair (it may draw it struck through), but it is there. And where an instance is cancelled both ways, EXDATE and a
    /// CANCELLED override ("both" series, 29 September), ical.js hides it (its iterator never yields the EXDATE'd
    /// instance, so the override has nothing to replace) while libical, as evolution-data-server does, and
    /// recurring-ical-events show the override as an occurrence of its own, cancelled. So a feed that means "this
    /// occurrence does not take place" must say EXDATE alone: a CANCELLED override, with or without the EXDATE, leaves
    /// it on the calendar in some client.
    /// </summary>
    [OccurrenceConsumerTheory, OccurrenceConsumerData]
    public void ACancelledOverrideStaysOnTheCalendarAsCancelled(string consumer)
    {
        var occurrences = Expand(consumer, "occurrences-cancelled-override.ics");

        var weekly = occurrences.Where(o => o.Uid == Weekly).ToList();
        Assert.Equal(Timed("01:00", 60, Mondays), Spans(weekly));
        var cancelled = Assert.Single(weekly, o => o.Status is not null);
        Assert.Equal(("2026-10-05T01:00:00.000Z", "2026-10-05T01:00:00.000Z", "CANCELLED", "周一例会 Monday meeting (cancelled)"),
            (cancelled.Start, cancelled.RecurrenceId, cancelled.Status, cancelled.Summary));

        var both = occurrences.Where(o => o.Uid == "both@occurrences.fixture").ToList();
        string[] tuesdays = ["2026-09-08", "2026-09-15", "2026-09-22", "2026-09-29", "2026-10-06", "2026-10-13"];
        if (consumer == OccurrenceParsers.IcalJs)
        {
            Assert.Equal(Timed("06:00", 60, tuesdays.Where(d => d != "2026-09-29")), Spans(both));
            Assert.All(both, o => Assert.Null(o.Status));
        }
        else
        {
            Assert.Equal(Timed("06:00", 60, tuesdays), Spans(both));
            var shown = Assert.Single(both, o => o.Status is not null);
            Assert.Equal(("2026-09-29T06:00:00.000Z", "CANCELLED"), (shown.RecurrenceId, shown.Status));
        }
    }

    /// <summary>
    /// A daily 07:30 Shanghai shuttle (23:30Z the day before), COUNT=5, with EXDATE for its first occurrence (DTSTART
    /// itself) and its third, each on a line of its own, beside a single UTC event: the cancelled occurrences disappear
    /// in all three, and the single event has no RECURRENCE-ID.
    /// </summary>
    [OccurrenceConsumerTheory, OccurrenceConsumerData]
    public void AnOccurrenceCancelledByExdateAloneDisappearsEverywhere(string consumer)
    {
        var occurrences = Expand(consumer, "occurrences-exdate-cancelled.ics");

        (string, string)[] expected =
        [
            ("2026-11-02T23:30:00.000Z", "2026-11-03T00:00:00.000Z"), ("2026-11-03T06:00:00.000Z", "2026-11-03T07:00:00.000Z"),
            ("2026-11-04T23:30:00.000Z", "2026-11-05T00:00:00.000Z"), ("2026-11-05T23:30:00.000Z", "2026-11-06T00:00:00.000Z"),
        ];
        Assert.Equal(expected, Spans(occurrences));
        Assert.All(occurrences, o => Assert.Null(o.Status));
        var single = Assert.Single(occurrences, o => o.Uid == "single@occurrences.fixture");
        Assert.Null(single.RecurrenceId);
    }

    /// <summary>
    /// Why an override's RECURRENCE-ID is written in its master's TZID (FeedComposer.Series), never in UTC: the shuttle's
    /// 4 November 07:30 Shanghai instance (3 November 23:30Z) moved to 09:00 with RECURRENCE-ID:20261103T233000Z.
    /// ical.js and libical compare instants and replace the right instance; recurring-ical-events 2.0.1 compares the
    /// date as written, 3 November, so it drops the 3 November (local) instance instead and shows 4 November twice.
    /// </summary>
    [OccurrenceConsumerTheory, OccurrenceConsumerData]
    public void ARecurrenceIdInUtcIsMatchedByDateAsWrittenInRecurringIcalEvents(string consumer)
    {
        var occurrences = Expand(consumer, "occurrences-utc-recurrence-id.ics");

        var moved = (Start: "2026-11-04T01:00:00.000Z", End: "2026-11-04T01:30:00.000Z");
        string[] days = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"];
        var dropped = consumer == OccurrenceParsers.RecurringIcalEvents ? "2026-11-02" : "2026-11-03";
        var expected = Timed("23:30", 30, days.Where(d => d != dropped)).Append(moved).OrderBy(s => s.Start, StringComparer.Ordinal);
        Assert.Equal(expected, Spans(occurrences));
        Assert.Equal("2026-11-03T23:30:00.000Z", Assert.Single(occurrences, o => o.Start == moved.Start).RecurrenceId);
    }

    /// <summary>
    /// An RDATE on a date the RRULE already makes (14 September, the rule's second Monday) beside one it does not (Saturday
    /// 19 September). RFC 5545 counts a repeated instance once, and libical (deduplicated here, as evolution-data-server's
    /// own expansion does: foreach_recurrence calls back for both) and recurring-ical-events (dateutil's rruleset) show it
    /// once; ical.js's RecurExpansion yields it twice, once from the rule and once from the RDATE. So a feed must never
    /// write an RDATE for a date its RRULE generates.
    /// </summary>
    [OccurrenceConsumerTheory, OccurrenceConsumerData]
    public void AnRdateOnADateTheRuleMakesIsShownTwiceByIcalJs(string consumer)
    {
        var occurrences = Expand(consumer, "occurrences-rdate-on-rule-date.ics");

        string[] days = consumer == OccurrenceParsers.IcalJs
            ? ["2026-09-07", "2026-09-14", "2026-09-14", "2026-09-19", "2026-09-21"]
            : ["2026-09-07", "2026-09-14", "2026-09-19", "2026-09-21"];
        Assert.Equal(Timed("01:00", 60, days), Spans(occurrences));
    }

    /// <summary>An override whose master is not in the feed (a client that has only that instance) is an event of its own.</summary>
    [OccurrenceConsumerTheory, OccurrenceConsumerData]
    public void AnOverrideWithoutItsMasterIsShownAlone(string consumer)
    {
        var occurrence = Assert.Single(Expand(consumer, "occurrences-orphan-override.ics"));

        Assert.Equal(
            new ParsedOccurrence("shuttle@occurrences.fixture", "2026-11-03T23:30:00.000Z", "2026-11-04T01:00:00.000Z", "2026-11-04T01:30:00.000Z",
                "早班车 Morning shuttle (4 November at 09:00)", null, false),
            occurrence);
    }

    [Fact]
    public void TheOccurrenceConsumersAreTheFeedConsumersOfTheSameName()
    {
        Assert.Subset(FeedParsers.All.ToHashSet(), OccurrenceParsers.All.ToHashSet());
        Assert.All(OccurrenceParsers.All, c => Assert.Equal(FeedParsers.Zones(c), OccurrenceParsers.Zones(c)));
    }

    private static IReadOnlyList<ParsedOccurrence> Expand(string consumer, string fixture) =>
        OccurrenceParsers.Expand(consumer, ConsumerFixtures.Read(fixture));

    private static List<(string Start, string End)> Spans(IEnumerable<ParsedOccurrence> occurrences) =>
        occurrences.Select(o => (o.Start, o.End)).ToList();

    /// <summary>(start, end) in the consumers' UTC form: each day at <paramref name="utcTime"/>, lasting <paramref name="minutes"/>.</summary>
    private static List<(string Start, string End)> Timed(string utcTime, int minutes, IEnumerable<string> utcDays) =>
        utcDays.Select(day =>
        {
            var start = DateTime.ParseExact($"{day}T{utcTime}", "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
            return (Utc(start), Utc(start.AddMinutes(minutes)));
        }).ToList();

    private static string Utc(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", CultureInfo.InvariantCulture);
}
