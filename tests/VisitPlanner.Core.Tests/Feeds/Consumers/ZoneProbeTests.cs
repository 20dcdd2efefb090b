using NodaTime;
using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Feeds.Consumers;

/// <summary>The VTIMEZONE-only offset probe of ical.js and libical, on hand-written VTIMEZONEs with RRULEs.</summary>
public class ZoneProbeTests
{
    private static readonly Instant From = Instant.FromUtc(2024, 1, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2027, 1, 1, 0, 0);

    /// <summary>Every hour from 2024 to 2026, and each of Berlin's transitions in that span, one second either side.</summary>
    private static List<Instant> Samples()
    {
        var samples = new List<Instant>();
        for (var t = From; t < To; t += Duration.FromHours(1)) samples.Add(t);
        foreach (var change in Tzdb("Europe/Berlin").GetZoneIntervals(From, To).Skip(1).Select(i => i.Start))
        {
            samples.AddRange([change - Duration.FromSeconds(1), change, change + Duration.FromSeconds(1)]);
        }
        return samples;
    }

    private static DateTimeZone Tzdb(string id) => DateTimeZoneProviders.Tzdb[id];

    [FeedConsumerTheory, FeedConsumerData(ZoneProbe.IcalJs, ZoneProbe.Libical)]
    public void RuleBasedVTimezonesGiveTzdbsOffsetsAtEveryHourAndAroundEveryTransition(string engine)
    {
        var samples = Samples();

        var zones = ZoneProbe.Offsets(engine, ConsumerFixtures.Read("known-instants.ics"), samples);

        Assert.Equal(["Asia/Shanghai", "Europe/Berlin"], zones.Keys.Order());
        Assert.True(samples.Count > 26_000);
        Assert.Equal(samples.Count, zones["Europe/Berlin"].Count);
        var wrong = samples.Select((t, i) => (t, Probe: zones["Europe/Berlin"][i], Tzdb: Tzdb("Europe/Berlin").GetUtcOffset(t)))
            .Where(s => s.Probe != s.Tzdb).Select(s => $"{s.t}: {s.Probe} (tzdb {s.Tzdb})").ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong.Take(20)));
        Assert.All(zones["Asia/Shanghai"], offset => Assert.Equal(Offset.FromHours(8), offset));
    }

    /// <summary>
    /// The probe reads the VTIMEZONE, not a tz database: wrong-vtimezones.ics puts Asia/Shanghai at UTC+3 and Berlin's
    /// summer time from the first Sunday of April (02:00 CET, 01:00Z) to the first Sunday of September (03:00 CEST, 01:00Z).
    /// </summary>
    [FeedConsumerTheory, FeedConsumerData(ZoneProbe.IcalJs, ZoneProbe.Libical)]
    public void AWrongVTimezoneGivesItsOwnWrongOffsets(string engine)
    {
        var second = Duration.FromSeconds(1);
        var springForward = Instant.FromUtc(2025, 4, 6, 1, 0);
        var fallBack = Instant.FromUtc(2025, 9, 7, 1, 0);
        var october = Instant.FromUtc(2025, 10, 1, 12, 0);
        Instant[] samples = [springForward - second, springForward, fallBack - second, fallBack, october];

        var zones = ZoneProbe.Offsets(engine, ConsumerFixtures.Read("wrong-vtimezones.ics"), samples);

        var cet = Offset.FromHours(1);
        var cest = Offset.FromHours(2);
        Assert.Equal([cet, cest, cest, cet, cet], zones["Europe/Berlin"]);
        Assert.NotEqual(Tzdb("Europe/Berlin").GetUtcOffset(october), zones["Europe/Berlin"][4]);
        Assert.All(zones["Asia/Shanghai"], offset => Assert.Equal(Offset.FromHours(3), offset));
    }

    /// <summary>
    /// Before a VTIMEZONE's first observance (Berlin's fixture starts in 1981) the engines differ: ical.js applies offset 0,
    /// libical the first observance's TZOFFSETFROM. Feeds avoid the question by starting their VTIMEZONEs a year before
    /// their first item (docs/feeds.md).
    /// </summary>
    [FeedConsumerTheory, FeedConsumerData(ZoneProbe.IcalJs, ZoneProbe.Libical)]
    public void BeforeTheFirstObservanceIcalJsSaysUtcAndLibicalTheOffsetFrom(string engine)
    {
        var zones = ZoneProbe.Offsets(engine, ConsumerFixtures.Read("known-instants.ics"), [Instant.FromUtc(1960, 7, 1, 12, 0)]);

        Assert.Equal(engine == ZoneProbe.IcalJs ? Offset.Zero : Offset.FromHours(1), Assert.Single(zones["Europe/Berlin"]));
    }

    [Fact]
    public void SamplesAreWholeSeconds() =>
        Assert.Throws<ArgumentException>(() => ZoneProbe.Offsets(ZoneProbe.IcalJs, ConsumerFixtures.Read("known-instants.ics"), [From + Duration.FromMilliseconds(1)]));
}
