using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Feeds.IcalNet;

namespace VisitPlanner.Benchmarks;

/// <summary>
/// A new instance's first render of the 5,000-VEVENT feed: each measurement is the first call in a fresh process, so
/// it includes compiling the renderer (JIT), with nothing in memory. The agenda is built before, as a poll would have
/// read it (storage reads excluded). Ical.Net's first render beside it.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 10, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class FirstRenderBenchmarks
{
    private FeedAgenda _agenda = null!;

    [GlobalSetup]
    public void Setup() => _agenda = new FeedAgenda(1000, FeedRenderingBenchmarks.ItemsPerEvent);

    [Benchmark(Baseline = true)]
    public string FirstThroughIcalNet() => IcalNetFeedWriter.Render(_agenda.Source, _agenda.Entries);

    [Benchmark]
    public FeedBody FirstRender() => FeedRenderer.RenderBody(_agenda.Source, _agenda.Entries, fragments: new FeedFragments(new FeedOptions()));
}
