using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Feeds.Consumers;

/// <summary>
/// Every consumer over hand-written feeds whose instants are computed by hand: that each tool reads TZID, UTC and
/// all-day values at all, that the feed-VTIMEZONE ones really use the feed's VTIMEZONE, and what each makes of local
/// times that happen twice or never.
/// </summary>
public class KnownInstantsTests
{
    /// <summary>(uid, summary, all-day, start, end) of known-instants.ics, computed by hand.</summary>
    public static readonly (string Uid, string Summary, bool AllDay, string Start, string End, string? Tzid)[] Known =
    [
        // China Standard Time, UTC+8: 08:30 is 00:30Z.
        ("shanghai@consumers.fixture", "鹤壁展厅 Hebi showroom", false, "2025-10-15T00:30:00.000Z", "2025-10-15T01:30:00.000Z", "Asia/Shanghai"),
        // Starts 22:00 CEST (UTC+2) on 25 October, ends 10:00 CET (UTC+1) after the change at 03:00 CEST on the 26th.
        ("berlin-night@consumers.fixture", "Night train across the October change", false, "2025-10-25T20:00:00.000Z", "2025-10-26T09:00:00.000Z", "Europe/Berlin"),
        ("all-day@consumers.fixture", "厦门大学考察 Xiamen", true, "2025-11-03", "2025-11-06", null),
        ("utc@consumers.fixture", "Video call (UTC)", false, "2025-10-20T12:00:00.000Z", "2025-10-20T13:30:00.000Z", null),
    ];

    [FeedConsumerTheory, FeedConsumerData]
    public void EveryConsumerReadsTheHandComputedInstants(string consumer)
    {
        var feed = FeedParsers.Parse(consumer, ConsumerFixtures.Read("known-instants.ics"));

        Assert.Equal(Known.Length, feed.Events.Count);
        foreach (var (uid, summary, allDay, start, end, tzid) in Known)
        {
            var parsed = ConsumerFixtures.Event(feed, consumer, uid, summary);
            Assert.Equal((summary, allDay, start, end), (parsed.Summary, parsed.AllDay, parsed.Start, parsed.End));
            if (FeedParsers.Reports(consumer, ParsedField.Tzid)) Assert.Equal(tzid, parsed.Tzid);
        }
        if (FeedParsers.Reports(consumer, ParsedField.CalendarProperties))
        {
            Assert.Equal("Consumer fixture", feed.Name);
            Assert.Equal(["Asia/Shanghai", "Europe/Berlin"], feed.TimeZones.Order());
        }
        if (consumer == FeedParsers.Libical) Assert.Empty(feed.RestrictionErrors!);
        else Assert.Null(feed.RestrictionErrors);
    }

    [FeedConsumerTheory, FeedConsumerData(FeedParsers.Khal)]
    public void KhalsCopyCarriesVdirsyncersContentHashesInsteadOfTheFeedsUids(string consumer)
    {
        var feed = FeedParsers.Parse(consumer, ConsumerFixtures.Read("known-instants.ics"));

        Assert.Equal(Known.Length, feed.Events.Count);
        Assert.All(feed.Events, e => Assert.Matches("^[0-9a-f]{64}$", e.Uid));
        Assert.False(FeedParsers.Reports(consumer, ParsedField.Uid));
    }

    [FeedConsumerTheory, FeedConsumerData(FeedParsers.RecurringIcalEvents)]
    public void RecurringIcalEventsMovesUtcTimesIntoTheCalendarsXWrTimezone(string consumer)
    {
        var ics = ConsumerFixtures.Read("known-instants.ics").Replace("X-WR-CALNAME:Consumer fixture\r\n", "X-WR-CALNAME:Consumer fixture\r\nX-WR-TIMEZONE:Asia/Shanghai\r\n");

        var utc = ConsumerFixtures.Event(FeedParsers.Parse(consumer, ics), consumer, "utc@consumers.fixture", "Video call (UTC)");

        // The same instant, shown as 20:00 in Shanghai: the TZID is the library's, not the feed's.
        Assert.Equal(("2025-10-20T12:00:00.000Z", "Asia/Shanghai"), (utc.Start, utc.Tzid));
        Assert.False(FeedParsers.Reports(consumer, ParsedField.Tzid));
    }

    /// <summary>
    /// wrong-vtimezones.ics gives Asia/Shanghai a VTIMEZONE of UTC+3 and Europe/Berlin one whose summer time ends on the
    /// first Sunday of September. A consumer that takes zones from the feed must read the wrong-by-design instants:
    /// 08:30 at +03:00 is 05:30Z; 22:00 on 25 October under those rules is CET, 21:00Z. One that uses its tz database
    /// reads the real ones. Either way it shows which of the two the consumer is.
    /// </summary>
    [FeedConsumerTheory, FeedConsumerData]
    public void AWrongVTimezoneMisleadsExactlyTheConsumersThatReadVTimezones(string consumer)
    {
        var feed = FeedParsers.Parse(consumer, ConsumerFixtures.Read("wrong-vtimezones.ics"));
        var shanghai = ConsumerFixtures.Event(feed, consumer, "shanghai@wrong-vtimezone.fixture", "Shanghai at a wrong +03:00");
        var berlin = ConsumerFixtures.Event(feed, consumer, "berlin@wrong-vtimezone.fixture", "Berlin with summer time ending in September");

        if (FeedParsers.Zones(consumer) == ZoneSource.FeedVTimezone)
        {
            Assert.Equal(("2025-10-15T05:30:00.000Z", "2025-10-15T06:30:00.000Z"), (shanghai.Start, shanghai.End));
            Assert.Equal(("2025-10-25T21:00:00.000Z", "2025-10-26T09:00:00.000Z"), (berlin.Start, berlin.End));
        }
        else
        {
            Assert.Equal(("2025-10-15T00:30:00.000Z", "2025-10-15T01:30:00.000Z"), (shanghai.Start, shanghai.End));
            Assert.Equal(("2025-10-25T20:00:00.000Z", "2025-10-26T09:00:00.000Z"), (berlin.Start, berlin.End));
        }
    }

    [Fact]
    public void TheConsumersThatMustUseTheFeedsVTimezonesDo() =>
        Assert.Superset(new HashSet<string> { FeedParsers.IcalJs, FeedParsers.PythonIcalendar, FeedParsers.Libical }, FeedParsers.FromFeedVTimezones.ToHashSet());

    /// <summary>
    /// 02:30 on 26 October 2025 happens twice in Berlin, 02:30 on 29 March 2026 never. RFC 5545 (3.3.5) means the first
    /// occurrence (CEST, 00:30Z) and, in the gap, the offset before it (02:30 CET = 01:30Z, i.e. 03:30 CEST). What each
    /// consumer does instead is why the feed writes such times in UTC (docs/feeds.md); this pins it down.
    /// </summary>
    [FeedConsumerTheory, FeedConsumerData]
    public void EachConsumersReadingOfLocalTimesThatHappenTwiceOrNever(string consumer)
    {
        (string Fold, string Gap) expected = consumer switch
        {
            // The second 02:30 (CET); in the gap the offset after it (CEST), an hour before RFC 5545's instant.
            FeedParsers.IcalJs or FeedParsers.Libical => ("2025-10-26T01:30:00.000Z", "2026-03-29T00:30:00.000Z"),
            // dateutil's tzical: the first 02:30, as RFC 5545 says; in the gap the offset after it.
            FeedParsers.Vobject => ("2025-10-26T00:30:00.000Z", "2026-03-29T00:30:00.000Z"),
            // pytz's localize(is_dst=False), python3-icalendar's to_tz and node-ical: the second 02:30; in the gap
            // the offset before it, as RFC 5545 says.
            _ => ("2025-10-26T01:30:00.000Z", "2026-03-29T01:30:00.000Z"),
        };

        var feed = FeedParsers.Parse(consumer, ConsumerFixtures.Read("ambiguous-and-skipped-local-times.ics"));
        var fold = ConsumerFixtures.Event(feed, consumer, "fold@consumers.fixture", "Starts at 02:30 that happens twice");
        var gap = ConsumerFixtures.Event(feed, consumer, "gap@consumers.fixture", "Starts at 02:30 that does not exist");

        Assert.Equal(expected, (fold.Start, gap.Start));
        // The ends (04:00 CET, 05:00 CEST) are unambiguous and read alike by all.
        Assert.Equal(("2025-10-26T03:00:00.000Z", "2026-03-29T03:00:00.000Z"), (fold.End, gap.End));
    }
}
