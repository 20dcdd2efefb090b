using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using VisitPlanner.Benchmarks;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Feeds.IcalNet;

// dotnet run -c Release --project bench/VisitPlanner.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/VisitPlanner.Benchmarks -- --render-loop [events] [seconds]
//   renders one feed over and over (for a profiler: dotnet-trace collect -- dotnet bin/Release/net10.0/VisitPlanner.Benchmarks.dll --render-loop)
// --write DIR: the 100-event feed as FeedRenderer writes it and as Ical.Net serializes the same model, to compare or parse.
if (args.Length > 1 && args[0] == "--write")
{
    var agenda = new FeedAgenda(100, FeedRenderingBenchmarks.ItemsPerEvent);
    Directory.CreateDirectory(args[1]);
    File.WriteAllBytes(Path.Combine(args[1], "feed-100.ics"), FeedRenderer.Render(agenda.Source, agenda.Entries));
    File.WriteAllText(Path.Combine(args[1], "icalnet-100.ics"), IcalNetFeedWriter.Render(agenda.Source, agenda.Entries));
    return;
}
// --first-render: this process's first render of the 5,000-VEVENT feed, JIT included, in milliseconds (one line), for a
//   build published ReadyToRun or not; bench/first-render.sh runs it in fresh processes.
if (args.Length > 0 && args[0] == "--first-render")
{
    var agenda = new FeedAgenda(1000, FeedRenderingBenchmarks.ItemsPerEvent);
    var started = System.Diagnostics.Stopwatch.GetTimestamp();
    var body = FeedRenderer.RenderBody(agenda.Source, agenda.Entries, fragments: new FeedFragments(new FeedOptions()));
    var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    Console.WriteLine(FormattableString.Invariant($"{elapsed:0.0} ms, {body.Length:N0} bytes"));
    return;
}
if (args.Length > 0 && args[0] == "--render-loop")
{
    var events = args.Length > 1 ? int.Parse(args[1]) : 1000;
    var seconds = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
    var agenda = new FeedAgenda(events, FeedRenderingBenchmarks.ItemsPerEvent);
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var times = new List<double>();
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var body = FeedRenderer.RenderBody(agenda.Source, agenda.Entries, fragments: new FeedFragments(new FeedOptions()));
        times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Console.WriteLine($"{body.Length:N0} bytes in {times[^1]:0.0} ms, {(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1048576.0:0.0} MiB allocated");
    }
    var sorted = times.Order().ToArray();
    Console.WriteLine($"{times.Count} renders, median {sorted[sorted.Length / 2]:0.0} ms, min {sorted[0]:0.0} ms");
    return;
}
// What is measured, in bytes and entries, before BenchmarkDotNet times it:
foreach (var events in new[] { 100, 1000 })
{
    var agenda = new FeedAgenda(events, FeedRenderingBenchmarks.ItemsPerEvent);
    var feed = Encoding.UTF8.GetString(FeedRenderer.Render(agenda.Source, agenda.Entries));
    var vevents = feed.Split("BEGIN:VEVENT").Length - 1;
    var vtimezones = feed.Split("BEGIN:VTIMEZONE").Length - 1;
    Console.WriteLine($"Feed of {events} events x {FeedRenderingBenchmarks.ItemsPerEvent} items: {vevents} VEVENTs, {vtimezones} VTIMEZONEs, " +
        $"{Encoding.UTF8.GetByteCount(feed):N0} bytes UTF-8, stored documents {agenda.Documents.Sum(d => d.Length):N0} bytes; " +
        $"through Ical.Net: {Encoding.UTF8.GetByteCount(IcalNetFeedWriter.Render(agenda.Source, agenda.Entries)):N0} bytes");
}
// Results (Markdown, CSV, HTML and the log) go to bench/out/BenchmarkDotNet.Artifacts, unless --artifacts says otherwise.
var root = new DirectoryInfo(Directory.GetCurrentDirectory());
while (root is not null && !File.Exists(Path.Combine(root.FullName, "VisitPlanner.sln"))) root = root.Parent;
IConfig config = DefaultConfig.Instance;
if (root is not null) config = config.WithArtifactsPath(Path.Combine(root.FullName, "bench", "out", "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(FeedRenderingBenchmarks).Assembly).Run(args, config);
