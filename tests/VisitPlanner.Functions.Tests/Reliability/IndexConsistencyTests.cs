using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using VisitPlanner.Testing;
using VisitPlanner.Testing.Hosting;
using Xunit.Abstractions;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Reliability;

/// <summary>
/// What an acknowledged write leaves in the index, without waiting for the reconciler: overlapping edits never leave a
/// row behind or doubled, a client that hangs up does not stop the index halfway, a retried create completes an index
/// its first attempt left undone, and concurrent cancels without If-Match all succeed.
/// </summary>
public class IndexConsistencyTests(ITestOutputHelper output)
{
    private const string Window = "from=2025-01-01&to=2026-12-31";

    private static async Task<string[]> CalendarsAsync(TestHost host, int count)
    {
        var calendars = Enumerable.Range(0, count).Select(i => $"race-{i}-{Guid.NewGuid().ToString("N")[..6]}").ToArray();
        foreach (var calendar in calendars) Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync(calendar)).StatusCode);
        return calendars;
    }

    private static string Body(string[] calendars, int step) => SeedEvents.ShouyangAerospaceVisitJson(n =>
    {
        n["calendars"] = new JsonArray(calendars.Select(c => (JsonNode)c).ToArray());
        n["title"] = $"航天产业专题考察 edit {step}";
        // Each edit moves the last stop, so the event's end time (its rows' key) moves too.
        n["itinerary"]![5]!["end"] = $"2025-10-16T{12 + step:00}:00";
    });

    /// <summary>PUT with If-Match "r{revision}", retried while the previous edit has not landed yet (its revision is not current).</summary>
    private static async Task PutWhenCurrentAsync(TestHost host, string location, string body, int revision)
    {
        for (var attempt = 0; attempt < 400; attempt++)
        {
            var response = await host.SendAsync(HttpMethod.Put, location, body, ifMatch: $"\"r{revision}\"");
            if (response.StatusCode == HttpStatusCode.OK) return;
            Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
            await Task.Delay(5);
        }
        Assert.Fail($"r{revision} never became current");
    }

    [Fact]
    public async Task ChainedEditsSentTogetherLeaveEachIndexRowOnceAtTheLastRevision()
    {
        // Index transactions take 0–40 ms each, as over a real network, so a later edit's row can land before an earlier one's.
        var azurite = await TestAzurite.GetAsync();
        var jitter = new Random(20251015);
        var network = new ConnectionCutter { DelayWhen = m => ConnectionCutter.IsIndexWrite(m) ? TimeSpan.FromMilliseconds(NextDelay(jitter)) : null };
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["VisitPlanner:Feeds:VersionCheckSeconds"] = "0" }, null,
            ConnectionCutter.Install(network, azurite.ConnectionString));
        var calendars = await CalendarsAsync(host, 20);
        for (var round = 0; round < 4; round++)
        {
            var created = await host.Client.PostAsync("/api/events", TestHost.Json(Body(calendars, 0)));
            var location = created.Headers.Location!.ToString();
            var id = (await AssertJsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString()!;

            // Six edits in a chain, sent at once: each waits only for the previous one's event write, so index writes overlap.
            await Task.WhenAll(Enumerable.Range(1, 6).Select(r => PutWhenCurrentAsync(host, location, Body(calendars, r), r)));

            foreach (var calendar in calendars)
            {
                var listing = JsonDocument.Parse(await host.Client.GetStringAsync($"/api/events?calendar={calendar}&pageSize=200")).RootElement;
                var revisions = listing.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("id").GetString() == id).Select(e => e.GetProperty("revision").GetInt32()).ToArray();
                Assert.True(revisions is [7], $"round {round}, {calendar}: listed at revisions [{string.Join(", ", revisions)}]");
            }
            // The feeds of a few of them, read by an independent parser: every stop once, at the last SEQUENCE.
            foreach (var calendar in calendars.Skip(round * 5).Take(3))
            {
                var feed = FeedParsers.ParseWithIcalJs(await host.Client.GetStringAsync($"/api/calendars/{calendar}/feed.ics?{Window}&banners=false"));
                Assert.All(feed.Events.Where(e => e.Uid.StartsWith(id)), e => Assert.Equal(6, e.Sequence));
                Assert.Equal(6, feed.Events.Count(e => e.Uid.StartsWith(id)));
            }
        }
    }

    private static int NextDelay(Random random)
    {
        lock (random) return random.Next(40);
    }

    [Fact]
    public async Task AClientThatHangsUpMidWriteStillGetsEveryIndexRowWritten()
    {
        var azurite = await TestAzurite.GetAsync();
        var prefix = TestAzurite.NewTablePrefix();
        var slow = new ConnectionCutter();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>(), prefix, ConnectionCutter.Install(slow, azurite.ConnectionString));
        var calendars = await CalendarsAsync(host, 1);
        var people = Enumerable.Range(0, 300).Select(i => $"hangup-{i:000}").ToArray();
        foreach (var person in people) Assert.Equal(HttpStatusCode.Created, (await host.Client.PutAsync($"/api/people/{person}", TestHost.Json("""{"name":"陪同人员"}"""))).StatusCode);
        string Staffed(string title) => SeedEvents.ShouyangAerospaceVisitJson(n =>
        {
            n["title"] = title;
            n["participants"] = new JsonArray(people.Select(p => (JsonNode)new JsonObject { ["name"] = "陪同人员", ["personId"] = p }).ToArray());
        }, calendars[0]);
        var created = await host.Client.PostAsync("/api/events", TestHost.Json(Staffed("before")));
        var location = created.Headers.Location!.ToString();
        var id = (await AssertJsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString()!;

        // Index transactions slowed down, and the client gone as soon as the event itself is written, long before its index.
        slow.DelayWhen = m => ConnectionCutter.IsIndexWrite(m) ? TimeSpan.FromMilliseconds(40) : null;
        using var hangUp = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Put, location) { Content = TestHost.Json(Staffed("after")) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"r1\""));
        var edit = host.Client.SendAsync(request, hangUp.Token);
        using var watcher = new HttpClient { BaseAddress = host.Client.BaseAddress };
        while (!edit.IsCompleted && (await AssertJsonAsync(await watcher.GetAsync(location), HttpStatusCode.OK)).GetProperty("revision").GetInt32() < 2) await Task.Delay(10);
        hangUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => edit);

        var rows = new TableServiceClient(azurite.ConnectionString).GetTableClient(prefix + "Agendas");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        int behind;
        do
        {
            await Task.Delay(500);
            var revisions = await rows.QueryAsync<TableEntity>(r => r.RowKey.CompareTo("~") < 0, select: ["EventId", "Revision"])
                .Where(r => r.GetString("EventId") == id).Select(r => r.GetInt32("Revision")).ToListAsync();
            Assert.Equal(301, revisions.Count);
            behind = revisions.Count(r => r != 2);
        }
        while (behind > 0 && DateTime.UtcNow < deadline);
        output.WriteLine($"index rows behind the event after the hang-up: {behind}");
        Assert.Equal(0, behind);
        Assert.Equal(2, (await AssertJsonAsync(await host.Client.GetAsync(location), HttpStatusCode.OK)).GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task ARetriedCreateCompletesTheIndexItsFirstAttemptLeftUndone()
    {
        var azurite = await TestAzurite.GetAsync();
        var cutter = new ConnectionCutter();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["VisitPlanner:Feeds:VersionCheckSeconds"] = "0" }, null,
            ConnectionCutter.Install(cutter, azurite.ConnectionString));
        var calendars = await CalendarsAsync(host, 1);
        var body = SeedEvents.ShouyangAerospaceVisitJson(calendars[0]);
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = TestHost.Json(body) };
        first.Headers.Add("Idempotency-Key", "retry-" + Guid.NewGuid());
        var key = first.Headers.GetValues("Idempotency-Key").Single();

        cutter.CutWhen = ConnectionCutter.IsIndexWrite;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Client.SendAsync(first)).StatusCode);
        cutter.CutWhen = null;
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = TestHost.Json(body) };
        retry.Headers.Add("Idempotency-Key", key);
        var replayed = await host.Client.SendAsync(retry);

        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        var feed = FeedParsers.ParseWithIcalJs(await host.Client.GetStringAsync($"/api/calendars/{calendars[0]}/feed.ics?{Window}"));
        Assert.Equal(7, feed.Events.Count);
    }

    [Fact]
    public async Task AReplayAfterAnEditAnswersWithTheEventAsItIsNow()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>());
        var calendars = await CalendarsAsync(host, 1);
        var key = "edited-" + Guid.NewGuid();
        async Task<HttpResponseMessage> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(calendars[0])) };
            request.Headers.Add("Idempotency-Key", key);
            return await host.Client.SendAsync(request);
        }
        var created = await PostAsync();
        var location = created.Headers.Location!.ToString();
        await AssertJsonAsync(await host.SendAsync(HttpMethod.Put, location, SeedEvents.ShouyangAerospaceVisitJson(n => n["title"] = "改期 Rescheduled", calendars[0]), "\"r1\""), HttpStatusCode.OK);

        var replayed = await PostAsync();

        var body = await AssertJsonAsync(replayed, HttpStatusCode.Created);
        Assert.Equal(location, replayed.Headers.Location!.ToString());
        Assert.Equal("\"r2\"", replayed.Headers.ETag!.ToString());
        Assert.Equal("改期 Rescheduled", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ConcurrentCancelsWithoutIfMatchAllSucceed()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>());
        var calendars = await CalendarsAsync(host, 1);
        for (var round = 0; round < 5; round++)
        {
            var created = await host.Client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(calendars[0])));
            var location = created.Headers.Location!.ToString();

            var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.Client.DeleteAsync(location)));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
            var stored = await AssertJsonAsync(await host.Client.GetAsync(location), HttpStatusCode.OK);
            Assert.Equal(("cancelled", 2), (stored.GetProperty("status").GetString(), stored.GetProperty("revision").GetInt32()));
        }
    }
}
