using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text;
using Xunit.Abstractions;
using VisitPlanner.Testing.Hosting;
using VisitPlanner.Testing;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>
/// Over a thousand malformed and hostile requests, generated from a fixed seed (<see cref="HostileRequests"/>), against every
/// kind of endpoint. None may get a 5xx; every refusal is problem+json whose <c>status</c> is the HTTP status and whose
/// <c>detail</c> says something; and none may write: what a client can read of the calendar, person and event stays
/// byte-identical. Failures name the case (#index, category, name) and the request, so it can be repeated.
/// </summary>
public class HostileInputTests(TestHost host, ITestOutputHelper output) : IClassFixture<TestHost>
{
    private const int Seed = 20251015;
    private const int Parallelism = 8;
    private const int ChunkSize = 64;
    private const string Calendar = "hostile-cal";
    private const string Person = "hostile-person";

    [Fact]
    public async Task HostileRequestsGetProblemDetailsNeverAServerErrorAndWriteNothing()
    {
        var clock = Stopwatch.StartNew();
        var targets = await SetUpAsync();
        var original = await SnapshotAsync(targets);
        var cases = HostileRequests.Generate(new Random(Seed), targets);
        Assert.True(cases.Count >= 1000, $"Only {cases.Count} cases were generated");

        var failures = new ConcurrentQueue<string>();
        var webServerRefusals = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var byCategory = new ConcurrentDictionary<string, ConcurrentDictionary<int, int>>();
        var sending = Stopwatch.StartNew();
        var last = original;
        foreach (var chunk in cases.Chunk(ChunkSize))
        {
            await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (hostile, _) =>
            {
                var status = await SendAndCheckAsync(hostile, failures, webServerRefusals);
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                byCategory.GetOrAdd(hostile.Category, _ => new()).AddOrUpdate(status, 1, (_, n) => n + 1);
            });
            // Checked after every chunk, so a write that slipped through is narrowed to a few dozen cases.
            var now = await SnapshotAsync(targets);
            if (Difference(last, now) is { } changed)
            {
                var writes = chunk.Where(c => !c.IsRead).Select(c => $"#{c.Index}");
                failures.Enqueue($"Stored data changed while cases #{chunk[0].Index}–#{chunk[^1].Index} ran (non-GET cases: {string.Join(" ", writes)}): {changed}");
                last = now;
            }
        }
        sending.Stop();
        var final = await SnapshotAsync(targets);

        output.WriteLine($"{cases.Count} generated requests (seed {Seed}), {Parallelism} at a time: sent in {sending.Elapsed.TotalSeconds:0.0} s, whole test {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine("Responses by status: " + Histogram(statuses));
        foreach (var (category, histogram) in byCategory.OrderBy(c => cases.First(h => h.Category == c.Key).Index))
            output.WriteLine($"  {category,-28} {histogram.Values.Sum(),5}  {Histogram(histogram)}");
        output.WriteLine($"{webServerRefusals.Count} requests were refused by Kestrel itself, before routing, with a bodiless answer no function can turn into problem+json:");
        foreach (var refusal in webServerRefusals.OrderBy(r => r)) output.WriteLine("  " + refusal);
        output.WriteLine($"{failures.Count} failures");
        foreach (var failure in failures.Take(200)) output.WriteLine(failure);
        // The server's side of every 5xx: what FunctionGuard logged, one line per distinct failure site.
        var serverErrors = host.Logs.Lines.Where(l => l.StartsWith("Error ") || l.StartsWith("Critical ")).ToArray();
        output.WriteLine($"{serverErrors.Length} errors logged by the host");
        foreach (var site in serverErrors.GroupBy(ErrorSite).Take(10))
            output.WriteLine($"  ×{site.Count()}: {site.First()[..Math.Min(site.First().Length, 3000)]}");

        Assert.True(failures.IsEmpty,
            $"{failures.Count} of {cases.Count} hostile requests were answered wrongly (seed {Seed}); the first ones:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(Difference(original, final) is null, $"Stored data changed: {Difference(original, final)}");
    }

    /// <summary>The exception type and the first frame in our code: what tells two server errors apart.</summary>
    private static string ErrorSite(string line)
    {
        var frames = line.Split('\n').Select(l => l.Trim()).ToArray();
        var exception = System.Text.RegularExpressions.Regex.Match(frames[0], @"\S+Exception: .*").Value;
        var ours = frames.FirstOrDefault(f => f.StartsWith("at VisitPlanner.")) ?? "";
        return exception + " " + ours;
    }

    private static string Histogram(IReadOnlyDictionary<int, int> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{(c.Key < 0 ? "no response" : c.Key.ToString())}: {c.Value}"));

    /// <summary>A calendar, a person and the Shouyang event to snapshot; and proof, on scratch ids, that the generator's bases are valid as they stand.</summary>
    private async Task<HostileTargets> SetUpAsync()
    {
        Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync(Calendar)).StatusCode);
        await AssertJsonAsync(await host.SendAsync(HttpMethod.Put, $"/api/people/{Person}", """{"name":"李卫平","title":"党工委书记、管委会主任","organization":"寿阳经开区"}"""), HttpStatusCode.Created);
        var created = await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(Calendar))), HttpStatusCode.Created);
        var targets = new HostileTargets(Calendar, Person, created.GetProperty("id").GetString()!);

        // Each base is accepted, so in a generated case the one thing broken is what makes it fail...
        var scratchCalendar = HostileRequests.ScratchCalendar;
        await AssertJsonAsync(await host.SendAsync(HttpMethod.Put, $"/api/calendars/{scratchCalendar}", new Doc(HostileRequests.CalendarBase()).Text()), HttpStatusCode.Created);
        await AssertJsonAsync(await host.SendAsync(HttpMethod.Put, $"/api/people/{HostileRequests.ScratchPerson}", new Doc(HostileRequests.PersonBase()).Text()), HttpStatusCode.Created);
        await AssertJsonAsync(await host.SendAsync(HttpMethod.Post, "/api/events", new Doc(HostileRequests.EventBase(scratchCalendar, Person)).Text()), HttpStatusCode.Created);
        await AssertJsonAsync(await host.SendAsync(HttpMethod.Post, $"/api/calendars/{scratchCalendar}/subscriptions", new Doc(HostileRequests.SubscriptionBase()).Text()), HttpStatusCode.Created);
        // ...and each guard the generator adds to bodies that must fail whatever else happens to them is refused.
        await AssertProblemAsync(await host.SendAsync(HttpMethod.Post, "/api/events",
            new Doc(HostileRequests.EventBase(scratchCalendar, Person)).Set("calendars", new System.Text.Json.Nodes.JsonArray(HostileRequests.NowhereCalendar)).Text()), HttpStatusCode.BadRequest, "calendars[0]");
        await AssertProblemAsync(await host.SendAsync(HttpMethod.Put, $"/api/calendars/{scratchCalendar}", new Doc(HostileRequests.CalendarBase()).Set("x-guard", true).Text()), HttpStatusCode.BadRequest, "x-guard");
        await AssertProblemAsync(await host.SendAsync(HttpMethod.Put, $"/api/people/{HostileRequests.ScratchPerson}", new Doc(HostileRequests.PersonBase()).Set("x-guard", true).Text()), HttpStatusCode.BadRequest, "x-guard");
        await AssertProblemAsync(await host.SendAsync(HttpMethod.Post, $"/api/calendars/{scratchCalendar}/subscriptions", new Doc(HostileRequests.SubscriptionBase()).Set("x-guard", true).Text()), HttpStatusCode.BadRequest, "x-guard");
        return targets;
    }

    /// <summary>Sends one case and records what is wrong with the answer; returns the status (-1: no response).</summary>
    private async Task<int> SendAndCheckAsync(HostileCase hostile, ConcurrentQueue<string> failures, ConcurrentQueue<string> webServerRefusals)
    {
        // As given: no dot-segment removal, no re-escaping, so "../" and "%2e%2e" reach the server.
        var uri = new Uri(host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority) + hostile.Path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(hostile.Method, uri);
        foreach (var (name, value) in hostile.Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (hostile.Body is not null)
        {
            HttpContent content = hostile.Chunked ? new ChunkedContent(hostile.Body) : new ByteArrayContent(hostile.Body);
            if (hostile.ContentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
            request.Content = content;
        }

        HttpResponseMessage response;
        byte[] body;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            response = await host.Client.SendAsync(request, timeout.Token);
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (Exception e)
        {
            failures.Enqueue($"{hostile.Describe()}\n    → no response: {e.GetType().Name}: {e.Message} {e.InnerException?.Message}");
            return -1;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var contentType = response.Content.Headers.ContentType;
            var problems = new List<string>();
            if (status >= 500) problems.Add($"a server error ({status})");
            if (status is >= 200 and < 300 && !hostile.IsRead) problems.Add($"a generated request that must be refused succeeded ({status}) and may have written");
            if (hostile.WebServerMayRefuse && IsWebServerRefusal(response, body))
            {
                // Kestrel answers these itself (a NUL in the path, a request line over 8 KiB) and closes the connection; no
                // middleware or function runs, in the dev host or in Azure. Listed in the output, and reported, not hidden.
                webServerRefusals.Enqueue($"{status} for #{hostile.Index} {hostile.Name}");
            }
            else if (status >= 400)
            {
                if (contentType?.MediaType != "application/problem+json")
                    problems.Add($"Content-Type is '{contentType?.ToString() ?? "(none)"}', not application/problem+json");
                else if (hostile.Method != HttpMethod.Head)
                    problems.AddRange(ProblemBodyErrors(body, status));
            }
            if (problems.Count > 0)
            {
                failures.Enqueue($"{hostile.Describe()}\n    → {status} {contentType} «{HostileCase.Preview(body, 300)}»\n    wrong: {string.Join("; ", problems)}");
            }
            return status;
        }
    }

    /// <summary>Kestrel's own refusal of a malformed request: 400 or 414, no body, no Content-Type, and the connection closed.</summary>
    private static bool IsWebServerRefusal(HttpResponseMessage response, byte[] body) =>
        (int)response.StatusCode is 400 or 414 && body.Length == 0 && response.Content.Headers.ContentType is null && response.Headers.ConnectionClose == true;

    private static IEnumerable<string> ProblemBodyErrors(byte[] body, int status)
    {
        JsonElement problem;
        try
        {
            using var document = JsonDocument.Parse(body);
            problem = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return [$"the problem body is not JSON ({e.Message})"];
        }
        var errors = new List<string>();
        if (problem.ValueKind != JsonValueKind.Object) return ["the problem body is not a JSON object"];
        if (!problem.TryGetProperty("status", out var statusProperty) || statusProperty.ValueKind != JsonValueKind.Number || !statusProperty.TryGetInt32(out var said) || said != status)
            errors.Add($"the problem's status is {(problem.TryGetProperty("status", out var s) ? s.GetRawText() : "missing")}, not {status}");
        if (!problem.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(detail.GetString()))
            errors.Add("the problem has no detail");
        return errors;
    }

    /// <summary>What a client can read of the stored data, status, ETag and body, byte for byte.</summary>
    private async Task<Dictionary<string, byte[]>> SnapshotAsync(HostileTargets targets)
    {
        string[] urls =
        [
            $"/api/events?calendar={Calendar}&pageSize=200",
            $"/api/events/{targets.EventId}",
            $"/api/calendars/{Calendar}",
            $"/api/people/{Person}",
            $"/api/calendars/{Calendar}/feed.ics?from=2025-01-01&to=2026-12-31",
            $"/api/calendars/{Calendar}/subscriptions",
            $"/api/people/{Person}/subscriptions",
        ];
        var snapshot = new Dictionary<string, byte[]>();
        foreach (var url in urls)
        {
            using var response = await host.Client.GetAsync(url);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
            snapshot[url] = [.. Encoding.UTF8.GetBytes($"{response.Content.Headers.ContentType} ETag={response.Headers.ETag}\n"), .. bytes];
        }
        return snapshot;
    }

    private static string? Difference(Dictionary<string, byte[]> before, Dictionary<string, byte[]> after)
    {
        var changed = before.Where(entry => !entry.Value.AsSpan().SequenceEqual(after[entry.Key]))
            .Select(entry => $"GET {entry.Key} was «{HostileCase.Preview(entry.Value, 400)}» and is now «{HostileCase.Preview(after[entry.Key], 400)}»")
            .ToArray();
        return changed.Length == 0 ? null : string.Join("; ", changed);
    }

    /// <summary>A body sent without Content-Length (Transfer-Encoding: chunked), so the server must count while it reads.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < bytes.Length; offset += 16 * 1024)
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(16 * 1024, bytes.Length - offset)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
