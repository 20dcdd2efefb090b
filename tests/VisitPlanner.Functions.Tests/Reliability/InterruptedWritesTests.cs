using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Storage.Tables;
using VisitPlanner.Testing.Hosting;
using VisitPlanner.Testing;

namespace VisitPlanner.Functions.Tests.Reliability;

/// <summary>
/// Storage that drops out in the middle of writes: between an event and its index, or before the event itself.
/// Afterwards the reconciler runs, and every feed must agree with every stored event.
/// </summary>
public class InterruptedWritesTests(ITestOutputHelper output)
{
    private const string Window = "from=2025-01-01&to=2026-12-31";
    private static readonly string[] Calendars = ["cut-hebi", "cut-beijing", "cut-taiyuan"];

    [Fact]
    public async Task AfterCutsAndAReconcileEveryFeedMatchesEveryEvent()
    {
        var azurite = await TestAzurite.GetAsync();
        var prefix = TestAzurite.NewTablePrefix();
        var cutter = new ConnectionCutter();
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["VisitPlanner:Feeds:VersionCheckSeconds"] = "0" }, prefix, ConnectionCutter.Install(cutter, azurite.ConnectionString));
        foreach (var calendar in Calendars) Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync(calendar)).StatusCode);
        var ids = new List<string>();
        for (var i = 0; i < 6; i++) ids.Add(await CreateAsync(host, Body(i, Calendars[i % 3])) ?? throw new InvalidOperationException("setup failed"));

        // (a) The event write itself fails: nothing of the change may show in any feed.
        cutter.CutWhen = m => ConnectionCutter.IsEventWrite(m, prefix);
        var before = await host.Client.GetStringAsync($"/api/calendars/{Calendars[0]}/feed.ics?{Window}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await ReplaceAsync(host, ids[0], Body(0, Calendars[0], "never stored"))).StatusCode);
        Assert.Null(await CreateAsync(host, Body(99, Calendars[0], "never stored either")));
        Assert.Equal(before, await host.Client.GetStringAsync($"/api/calendars/{Calendars[0]}/feed.ics?{Window}"));

        // (b) The index write fails after the event was written, as if the process died between the two.
        cutter.CutWhen = ConnectionCutter.IsIndexWrite;
        Assert.Null(await CreateAsync(host, Body(6, Calendars[1])));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await ReplaceAsync(host, ids[1], Body(1, Calendars[2], "moved to Taiyuan"))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Client.DeleteAsync($"/api/events/{ids[2]}")).StatusCode);

        // Then a storm: a seeded mix of edits with a third of the writes cut, event or index alike.
        var random = new Random(20251016);
        cutter.CutWhen = m => m.Request.Method != Azure.Core.RequestMethod.Get && random.NextDouble() < 0.33;
        for (var step = 0; step < 40; step++)
        {
            var id = ids[random.Next(ids.Count)];
            var status = random.Next(4) switch
            {
                0 => (await CreateAsync(host, Body(100 + step, Calendars[random.Next(3)]))) is { } created ? Remember(ids, created) : HttpStatusCode.ServiceUnavailable,
                1 => (await host.Client.DeleteAsync($"/api/events/{id}")).StatusCode,
                _ => (await ReplaceAsync(host, id, Body(step, Calendars[random.Next(3)], $"edit {step}", dropStop: random.Next(2) == 0))).StatusCode,
            };
            Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed, HttpStatusCode.ServiceUnavailable });
        }
        cutter.CutWhen = null;
        output.WriteLine($"{cutter.Cut} storage requests were cut");

        var reconciler = host.Services.GetRequiredService<IIndexReconciler>();
        var runs = 0;
        ReconcileReport report;
        do
        {
            // Small budgets, so the cursor has to carry the work across runs.
            report = await reconciler.RunAsync(eventBudget: 5, rowBudget: 20, CancellationToken.None);
            runs++;
            output.WriteLine(report.ToString());
        }
        while (!(report is { EventsPassComplete: true, RowsPassComplete: true, RowsRestored: 0, RowsRemoved: 0 }) && runs < 100);
        Assert.True(runs < 100, "the reconciler did not settle");

        await AssertFeedsMatchEventsAsync(host, azurite.ConnectionString, prefix);
    }

    private static HttpStatusCode Remember(List<string> ids, string id)
    {
        ids.Add(id);
        return HttpStatusCode.Created;
    }

    private static string Body(int n, string calendar, string? title = null, bool dropStop = false) => SeedEvents.ShouyangAerospaceVisitJson(node =>
    {
        node["title"] = title ?? $"考察 {n}";
        var stops = node["itinerary"]!.AsArray();
        if (dropStop) stops.RemoveAt(2);
        // Spread the events over different days, so edits move their index rows.
        foreach (var stop in stops)
        {
            stop!["start"] = ((string)stop["start"]!).Replace("2025-10-", $"2025-{10 + n % 2}-");
            stop["end"] = ((string)stop["end"]!).Replace("2025-10-", $"2025-{10 + n % 2}-");
        }
    }, calendar);

    /// <summary>The new event's id, or null when the API answered 503.</summary>
    private static async Task<string?> CreateAsync(TestHost host, string body)
    {
        var response = await host.Client.PostAsync("/api/events", TestHost.Json(body));
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable) return null;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
    }

    private static async Task<HttpResponseMessage> ReplaceAsync(TestHost host, string id, string body)
    {
        var current = await host.Client.GetAsync($"/api/events/{id}");
        return await host.SendAsync(HttpMethod.Put, $"/api/events/{id}", body, ifMatch: current.Headers.ETag!.ToString());
    }

    private async Task AssertFeedsMatchEventsAsync(TestHost host, string connectionString, string prefix)
    {
        var events = new Dictionary<string, VisitEvent>();
        var table = new TableServiceClient(connectionString).GetTableClient(prefix + "Events");
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.RowKey == "event"))
        {
            var visit = DocumentColumns.ReadEvent(entity).Event;
            events[visit.Id] = visit;
        }
        output.WriteLine($"{events.Count} events stored");

        foreach (var calendar in Calendars)
        {
            var feed = FeedParsers.ParseWithIcalJs(await host.Client.GetStringAsync($"/api/calendars/{calendar}/feed.ics?{Window}&banners=false"));
            var entries = feed.Events.ToLookup(e => e.Uid);
            // Nothing twice, and nothing whose event was never stored.
            Assert.All(entries, group => Assert.Single(group));
            foreach (var entry in feed.Events)
            {
                var visit = events.Values.SingleOrDefault(v => entry.Uid.StartsWith(v.Id + "-", StringComparison.Ordinal));
                Assert.True(visit is not null, $"{calendar}: {entry.Uid} belongs to no stored event");
                var live = visit.Calendars.Contains(calendar) && visit.Itinerary.Any(i => entry.Uid == $"{visit.Id}-{i.Id}@visitplanner");
                if (live && visit.Status != EventStatus.Cancelled) Assert.Equal(("CONFIRMED", visit.Revision - 1), (entry.Status, entry.Sequence));
                else Assert.Equal("CANCELLED", entry.Status);
            }
            // Every item of every event published here is in the feed, at the event's current revision.
            foreach (var visit in events.Values.Where(v => v.Calendars.Contains(calendar)))
            {
                foreach (var item in visit.Itinerary)
                {
                    var entry = Assert.Single(entries[$"{visit.Id}-{item.Id}@visitplanner"]);
                    Assert.Equal(visit.Revision - 1, entry.Sequence);
                }
            }
            // The listing holds each of them exactly once.
            var listed = JsonDocument.Parse(await host.Client.GetStringAsync($"/api/events?calendar={calendar}&pageSize=200")).RootElement
                .GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToArray();
            Assert.Equal(events.Values.Where(v => v.Calendars.Contains(calendar)).Select(v => v.Id).Order(), listed.Order());
        }
    }
}
