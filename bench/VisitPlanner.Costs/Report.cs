using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace VisitPlanner.Costs;

/// <summary>Collects the measured rows and prints them as Markdown tables.</summary>
public sealed class Report
{
    private readonly StringBuilder _text = new();
    private bool _tableOpen;

    public void Section(string title, string note)
    {
        _text.AppendLine().AppendLine($"### {title}").AppendLine().AppendLine(note).AppendLine();
        _tableOpen = false;
    }

    public void Add(string operation, string instance, Cost cost)
    {
        if (!_tableOpen)
        {
            _text.AppendLine("| operation | instance | status | reads | writes | transactions | ms (single request, local) |");
            _text.AppendLine("| --- | --- | --: | --: | --: | --: | --: |");
            _tableOpen = true;
        }
        _text.AppendLine($"| {operation} | {instance} | {cost.Status} | {cost.Reads} | {cost.Writes} | {cost.Total} | {cost.Milliseconds:0.0} |");
        Console.Error.WriteLine($"{instance} {operation}: {cost.Status}, {cost.Reads} reads, {cost.Writes} writes, {cost.Milliseconds:0.0} ms");
    }

    public async Task SustainedAsync(string what, CostHost host, string path, string? ifNoneMatch, TimeSpan duration, int clients = 16)
    {
        if (!_tableOpen)
        {
            _text.AppendLine("| polls | instance | duration | polls | polls/s | statuses | reads | writes | transactions per poll |");
            _text.AppendLine("| --- | --- | --: | --: | --: | --- | --: | --: | --: |");
            _tableOpen = true;
        }
        var (reads, writes) = (host.Counter.Reads, host.Counter.Writes);
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var cost = await host.GetAsync(path, ifNoneMatch);
                cost.Response.Dispose();
                statuses.AddOrUpdate(cost.Status, 1, (_, n) => n + 1);
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var polls = statuses.Values.Sum();
        var (r, w) = (host.Counter.Reads - reads, host.Counter.Writes - writes);
        var statusText = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}×{s.Key}"));
        _text.AppendLine($"| {what} | {host.Name} | {elapsed:0.0} s | {polls} | {polls / elapsed:0} | {statusText} | {r} | {w} | {(double)(r + w) / polls:0.0000} |");
        Console.Error.WriteLine($"{host.Name} sustained {what}: {polls} polls in {elapsed:0.0} s ({statusText}), {r} reads, {w} writes");
    }

    /// <summary><paramref name="clients"/> polls at once; the counter's delta over all of them, reported as one row.</summary>
    public async Task BurstAsync(string operation, CostHost host, string path, int clients = 16)
    {
        var (reads, writes) = (host.Counter.Reads, host.Counter.Writes);
        var clock = Stopwatch.StartNew();
        var costs = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => host.GetAsync(path)));
        var statuses = string.Join(", ", costs.GroupBy(c => c.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()}×{g.Key}"));
        foreach (var cost in costs) cost.Response.Dispose();
        var (r, w) = (host.Counter.Reads - reads, host.Counter.Writes - writes);
        _text.AppendLine($"| {operation} ({clients} at once; all together) | {host.Name} | {statuses} | {r} | {w} | {r + w} | {clock.Elapsed.TotalMilliseconds:0.0} |");
        Console.Error.WriteLine($"{host.Name} {operation}: {statuses}, {r} reads, {w} writes");
    }

    public async Task HistoryAsync(int history, CostHost writer, CostHost poller, string calendarId, string calendarBody, bool record, NodaTime.LocalDate today)
    {
        if (record && !_tableOpen)
        {
            _text.AppendLine("| past events | changed poll: status | reads | writes | feed bytes | VEVENTs | median ms | unchanged 304: reads | median ms | list page: reads | median ms |");
            _text.AppendLine("| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |");
            _tableOpen = true;
        }
        var feed = $"/api/calendars/{calendarId}/feed.ics";
        (await poller.GetAsync(feed)).Response.Dispose();
        var changed = new List<Cost>();
        for (var i = 0; i < 15; i++)
        {
            (await writer.SendAsync(HttpMethod.Put, $"/api/calendars/{calendarId}", calendarBody)).Response.Dispose();
            changed.Add(await poller.GetAsync(feed));
        }
        var last = changed[^1];
        var body = await last.Response.Content.ReadAsStringAsync();
        var etag = last.Response.Headers.ETag!.ToString();
        var unchanged = new List<Cost>();
        for (var i = 0; i < 15; i++) unchanged.Add(await poller.GetAsync(feed, etag));
        var listed = new List<Cost>();
        for (var i = 0; i < 5; i++) listed.Add(await writer.GetAsync($"/api/events?calendar={calendarId}&from={today:yyyy-MM-dd}"));

        foreach (var cost in changed.Concat(unchanged).Concat(listed)) cost.Response.Dispose();
        Console.Error.WriteLine($"history {history}{(record ? "" : " (warm-up)")}: changed {Median(changed):0.0} ms, unchanged {Median(unchanged):0.0} ms, list {Median(listed):0.0} ms");
        if (!record) return;
        _text.AppendLine($"| {history:N0} | {Same(changed, c => c.Status)} | {Same(changed, c => c.Reads)} | {Same(changed, c => c.Writes)} | " +
            $"{Encoding.UTF8.GetByteCount(body):N0} | {body.Split("BEGIN:VEVENT").Length - 1} | {Median(changed):0.0} | " +
            $"{Same(unchanged, c => c.Reads)} ({Same(unchanged, c => c.Status)}) | {Median(unchanged):0.0} | {Same(listed, c => c.Reads)} | {Median(listed):0.0} |");
    }

    private static string Git(string root, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { WorkingDirectory = root, RedirectStandardOutput = true, UseShellExecute = false })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    /// <summary>The value every sample shares, or the range when they differ.</summary>
    private static string Same(IEnumerable<Cost> costs, Func<Cost, long> value)
    {
        var values = costs.Select(value).Distinct().Order().ToArray();
        return values.Length == 1 ? values[0].ToString(CultureInfo.InvariantCulture) : $"{values[0]}–{values[^1]}";
    }

    private static double Median(IEnumerable<Cost> costs)
    {
        var sorted = costs.Select(c => c.Milliseconds).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public string ToMarkdown(int azuritePort, TimeSpan elapsed, string root)
    {
        var header = new StringBuilder();
        header.AppendLine("## Table Storage transactions per operation");
        header.AppendLine();
        header.AppendLine($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, " +
            $"{RuntimeInformation.OSDescription}; in-memory Azurite on 127.0.0.1:{azuritePort}; whole run {elapsed.TotalSeconds:0} s. " +
            "Reads are GET requests (point reads and queries), writes everything else (an entity group transaction is one); " +
            "each is one billed storage transaction.");
        header.AppendLine();
        header.AppendLine($"Source: {Git(root, "rev-parse --short HEAD")}{(Git(root, "status --porcelain -- src") is { Length: > 0 } dirty ? $" with uncommitted changes to {dirty.Split('\n').Length} file(s) under src/" : "")}.");
        return header.Append(_text).ToString();
    }

    /// <summary>
    /// <paramref name="windows"/> polls at once, each with a window of its own (so each a feed to render), reading and
    /// dropping each body; the process's resident memory before, at its highest (sampled every 20 ms) and after.
    /// </summary>
    public async Task WindowsAsync(CostHost host, string feedPath, int windows)
    {
        _text.AppendLine("| polls at once | distinct windows | statuses | feed bytes | renders at once (most) | RSS before | RSS peak | RSS after | managed heap after |");
        _text.AppendLine("| --: | --: | --- | --: | --: | --: | --: | --: | --: |");
        _tableOpen = true;
        static long Rss()
        {
            using var self = Process.GetCurrentProcess();
            return self.WorkingSet64;
        }
        GC.Collect();
        var before = Rss();
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss());
                try { await Task.Delay(20, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        var results = await Task.WhenAll(Enumerable.Range(0, windows).Select(async i =>
        {
            using var response = await host.Client.GetAsync($"{feedPath}?from={Uri.EscapeDataString($"2020-01-01T00:{i / 60 % 60:00}:{i % 60:00}Z")}&to=2029-12-31",
                HttpCompletionOption.ResponseHeadersRead);
            var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            return ((int)response.StatusCode, bytes);
        }));
        sampling.Cancel();
        await sampler;
        GC.Collect();
        var after = Rss();
        var statuses = string.Join(", ", results.GroupBy(r => r.Item1).OrderBy(g => g.Key).Select(g => $"{g.Count()}×{g.Key}"));
        var most = host.Services.GetService(typeof(VisitPlanner.Core.Feeds.FeedRenderGate)) is VisitPlanner.Core.Feeds.FeedRenderGate gate ? gate.MostRunning : 0;
        _text.AppendLine($"| {windows} | {windows} | {statuses} | {results.Max(r => r.bytes):N0} | {most} | {before / 1048576.0:0} MiB | {peak / 1048576.0:0} MiB | {after / 1048576.0:0} MiB | {GC.GetTotalMemory(true) / 1048576.0:0} MiB |");
        Console.Error.WriteLine($"{host.Name} {windows} windows: {statuses}, RSS {before / 1048576.0:0} → peak {peak / 1048576.0:0} → {after / 1048576.0:0} MiB");
    }
}
