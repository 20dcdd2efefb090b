using BenchmarkDotNet.Attributes;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Feeds.IcalNet;
using VisitPlanner.Storage.Documents;

namespace VisitPlanner.Benchmarks;

/// <summary>
/// The CPU work of a feed poll that finds the feed changed: parse the index rows' documents, then render the feed as
/// UTF-8 (what FeedService caches and serves), by the product's writer and, side by side, through Ical.Net's object
/// model from the same composed VEVENTs. 1,000 events × 5 single-day stops = 5,000 VEVENTs.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class FeedRenderingBenchmarks
{
    private FeedAgenda _agenda = null!;

    /// <summary>Events in the feed, each with <see cref="ItemsPerEvent"/> stops (one VEVENT each).</summary>
    [Params(100, 1000)]
    public int Events { get; set; }

    public const int ItemsPerEvent = 5;

    [GlobalSetup]
    public void Setup() => _agenda = new FeedAgenda(Events, ItemsPerEvent);

    /// <summary>Ical.Net's naive path: the same composed feed built as Ical.Net objects, serialized, encoded to UTF-8.</summary>
    [Benchmark(Baseline = true)]
    public byte[] ThroughIcalNet() => System.Text.Encoding.UTF8.GetBytes(IcalNetFeedWriter.Render(_agenda.Source, _agenda.Entries));

    /// <summary>FeedRenderer.Render: composed and written straight to UTF-8, VTIMEZONEs included.</summary>
    [Benchmark]
    public byte[] Render() => FeedRenderer.Render(_agenda.Source, _agenda.Entries);

    /// <summary>Turning the index rows' stored documents back into events (EventDocument.Read), before rendering.</summary>
    [Benchmark]
    public int ParseStoredDocuments()
    {
        var count = 0;
        foreach (var document in _agenda.Documents) count += EventDocument.Read(document, EventDocument.CurrentSchema).Itinerary.Count;
        return count;
    }
}
