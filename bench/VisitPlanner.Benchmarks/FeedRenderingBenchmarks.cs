using VisitPlanner.Storage.Documents;
using System.Text.Json;
using System.Text;
using BenchmarkDotNet.Attributes;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Json;

namespace VisitPlanner.Benchmarks;

/// <summary>
/// The CPU work of a feed poll that finds the feed changed: parse the index rows' documents, render with Ical.Net,
/// encode to UTF-8 (what FeedService caches and serves). 1,000 events × 5 single-day stops = 5,000 VEVENTs.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class FeedRenderingBenchmarks
{
    private FeedAgenda _agenda = null!;
    private string _rendered = null!;

    /// <summary>Events in the feed, each with <see cref="ItemsPerEvent"/> stops (one VEVENT each).</summary>
    [Params(100, 1000)]
    public int Events { get; set; }

    public const int ItemsPerEvent = 5;

    [GlobalSetup]
    public void Setup()
    {
        _agenda = new FeedAgenda(Events, ItemsPerEvent);
        _rendered = FeedRenderer.Render(_agenda.Source, _agenda.Entries);
    }

    /// <summary>FeedRenderer.Render: Ical.Net object model and serializer, VTIMEZONEs included.</summary>
    [Benchmark(Baseline = true)]
    public string Render() => FeedRenderer.Render(_agenda.Source, _agenda.Entries);

    /// <summary>Render, then Encoding.UTF8.GetBytes of the string, as FeedService does before caching the body.</summary>
    [Benchmark]
    public byte[] RenderToUtf8() => Encoding.UTF8.GetBytes(FeedRenderer.Render(_agenda.Source, _agenda.Entries));

    /// <summary>Only the encoding step, of an already rendered feed.</summary>
    [Benchmark]
    public byte[] EncodeUtf8() => Encoding.UTF8.GetBytes(_rendered);

    /// <summary>
    /// Not product code: <see cref="DirectWriterSketch"/>, the same VEVENTs written straight to UTF-8 without Ical.Net,
    /// an estimate of what a direct writer would cost (docs/performance.md).
    /// </summary>
    [Benchmark]
    public byte[] SketchDirectUtf8() => DirectWriterSketch.Write(_agenda.Source, _agenda.Entries);

    /// <summary>Turning the index rows' stored documents back into events (EventDocument.Read), before rendering.</summary>
    [Benchmark]
    public int ParseStoredDocuments()
    {
        var count = 0;
        foreach (var document in _agenda.Documents)
        {
            count += EventDocument.Read(document, EventDocument.CurrentSchema).Itinerary.Count;
        }
        return count;
    }
}
