using System.Buffers;
using System.Text;
using NodaTime;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Feeds.Model;
using VisitPlanner.Core.Feeds.Serialization;
using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Feeds;

/// <summary>
/// The VTIMEZONEs a feed carries, evaluated by engines that read nothing else (ical.js, libical: no tz database): at
/// every hour of the years they cover, and one second either side of every change, the offset they give is tzdb's.
/// </summary>
public partial class VTimeZoneEvaluationTests
{
    [FeedConsumerTheory, MemberData(nameof(EnginesAndSpans))]
    public void EveryZoneGivesTzdbsOffsetsAtEveryHourAndAroundEveryChange(string engine, int firstYear, int lastYear)
    {
        var zones = Zones.Select(id => DateTimeZoneProviders.Tzdb[id]).ToArray();
        var earliest = Instant.FromUtc(firstYear, 6, 1, 0, 0);
        var latest = Instant.FromUtc(lastYear, 6, 1, 0, 0);
        // A feed's VTIMEZONE covers whole years, one either side of its events.
        var from = Instant.FromUtc(firstYear - 1, 1, 1, 0, 0);
        var to = Instant.FromUtc(lastYear + 2, 1, 1, 0, 0);
        var samples = new SortedSet<Instant>();
        for (var t = from; t < to; t += Duration.FromHours(1)) samples.Add(t);
        foreach (var change in zones.SelectMany(z => z.GetZoneIntervals(from, to).Skip(1).Select(i => i.Start)))
        {
            samples.Add(change - Duration.FromSeconds(1));
            samples.Add(change + Duration.FromSeconds(1));
        }
        var ordered = samples.ToArray();

        var offsets = ZoneProbe.Offsets(engine, Feed(zones, earliest, latest), ordered);

        var wrong = new List<string>();
        foreach (var zone in zones)
        {
            var given = offsets[zone.Id];
            for (var i = 0; i < ordered.Length; i++)
            {
                if (given[i] != zone.GetUtcOffset(ordered[i])) wrong.Add($"{zone.Id} at {ordered[i]}: {given[i]}, tzdb {zone.GetUtcOffset(ordered[i])}");
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} wrong offsets, first:{Environment.NewLine}{string.Join(Environment.NewLine, wrong.Take(10))}");
    }

    /// <summary>A feed of nothing but the VTIMEZONEs of <paramref name="zones"/> for events from <paramref name="earliest"/> to <paramref name="latest"/>.</summary>
    private static string Feed(IEnumerable<DateTimeZone> zones, Instant earliest, Instant latest)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new FeedWriter(output);
        writer.WriteHeader(new FeedCalendar("zones", null, "Asia/Shanghai", 60));
        foreach (var zone in FeedComposer.Zones(zones.Select(z => new ZoneUse(z, earliest, latest)))) writer.WriteZone(zone);
        writer.WriteFooter();
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
