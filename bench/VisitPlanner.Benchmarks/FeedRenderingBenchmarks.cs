using BenchmarkDotNet.Attributes;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Feeds.IcalNet;
using VisitPlanner.Storage.Documents;

namespace VisitPlanner.Benchmarks;

/// <summary>
/// The CPU work of a feed poll that finds the feed changed: parse the index rows' documents, then render the feed
/// (what FeedService caches and serves), by the product's writer and, side by side, through Ical.Net's object model from
/// the same composed VEVENTs; and the re-render after one event changed, with every other event kept as written
/// (<see cref="FeedFragments"/>). 1,000 events × 5 single-day stops = 5,000 VEVENTs.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class FeedRenderingBenchmarks
{
    private FeedAgenda _agenda = null!;
    private AgendaEntry[] _changing = null!;
    private FeedFragments _kept = null!;
    private int _revision;

    /// <summary>Events in the feed, each with <see cref="ItemsPerEvent"/> stops (one VEVENT each).</summary>
    [Params(100, 1000)]
    public int Events { get; set; }

    public const int ItemsPerEvent = 5;

    [GlobalSetup]
    public void Setup()
    {
        _agenda = new FeedAgenda(Events, ItemsPerEvent);
        _changing = [.. _agenda.Entries];
        _kept = new FeedFragments(new FeedOptions());
        FeedRenderer.RenderBody(_agenda.Source, _changing, fragments: _kept);
        _revision = 1000;
    }

    /// <summary>Ical.Net's naive path: the same composed feed built as Ical.Net objects, serialized, encoded to UTF-8.</summary>
    [Benchmark(Baseline = true)]
    public byte[] ThroughIcalNet() => System.Text.Encoding.UTF8.GetBytes(IcalNetFeedWriter.Render(_agenda.Source, _agenda.Entries));

    /// <summary>Every event new to this instance: composed and written straight to UTF-8, VTIMEZONEs included, kept as fragments.</summary>
    [Benchmark]
    public FeedBody RenderAllChanged() => FeedRenderer.RenderBody(_agenda.Source, _agenda.Entries, fragments: new FeedFragments(new FeedOptions()));

    /// <summary>One event (the middle one) at a new revision, every other one kept as written.</summary>
    [Benchmark]
    public FeedBody RenderAfterOneChange()
    {
        var middle = _changing.Length / 2;
        _changing[middle] = _changing[middle] with { Event = _changing[middle].Event with { Revision = ++_revision } };
        return FeedRenderer.RenderBody(_agenda.Source, _changing, fragments: _kept);
    }

    /// <summary>Nothing changed, yet rendered again (another window, another day): every event kept.</summary>
    [Benchmark]
    public FeedBody RenderNoneChanged() => FeedRenderer.RenderBody(_agenda.Source, _changing, fragments: _kept);

    /// <summary>Turning the index rows' stored documents back into events (EventDocument.Read), before rendering.</summary>
    [Benchmark]
    public int ParseStoredDocuments()
    {
        var count = 0;
        foreach (var document in _agenda.Documents) count += EventDocument.Read(document, EventDocument.CurrentSchema).Itinerary.Count;
        return count;
    }
}
