using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Core.Services;
using VisitPlanner.Storage.Tables;
using VisitPlanner.Testing;
using VisitPlanner.Testing.Hosting;

namespace VisitPlanner.Functions.Tests.Reliability;

/// <summary>
/// One stored event whose document no longer reads (a corrupted row, a row of a newer schema): it is left out, logged,
/// of the feeds and listings it is in, the maintenance timers go past it, and nothing of it is deleted.
/// </summary>
public class UnreadableDocumentsTests
{
    private static string Body(int n, string calendar) => SeedEvents.ShouyangAerospaceVisitJson(node =>
    {
        node["title"] = $"考察 {n}";
        node["status"] = "confirmed";
    }, calendar);

    [Fact]
    public async Task OneUnreadableEventStopsNoFeedListingRepairOrCompletion()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>());
        var calendar = "unreadable-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync(calendar)).StatusCode);
        var ids = new List<string>();
        for (var n = 0; n < 3; n++)
        {
            var created = await host.Client.PostAsync("/api/events", TestHost.Json(Body(n, calendar)));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add(JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
        }
        var broken = ids[1];

        // The event's own entity and the calendar's index row that carries a copy: both unreadable now.
        var tables = host.GetService<VisitPlannerTables>();
        var stored = (await tables.Events.GetEntityAsync<TableEntity>(broken, "event")).Value;
        stored["Doc0"] = "{\"not\": an event"u8.ToArray();
        stored["DocChunks"] = 1;
        await tables.Events.UpdateEntityAsync(stored, stored.ETag, TableUpdateMode.Replace);
        var rows = new List<TableEntity>();
        await foreach (var row in tables.Agendas.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"EventId eq {broken}"))) rows.Add(row);
        foreach (var row in rows.Where(EventIndexRows.CarriesDocument))
        {
            row["Doc0"] = "garbage"u8.ToArray();
            row["DocChunks"] = 1;
            await tables.Agendas.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        }
        Assert.NotEmpty(rows);

        // The feed and the listing show the other two, and the log says which one is missing.
        var feed = FeedParsers.ParseWithIcalJs(await host.Client.GetStringAsync($"/api/calendars/{calendar}/feed.ics?from=2025-10-01&to=2025-10-31"));
        Assert.DoesNotContain(feed.Events, e => e.Uid.StartsWith(broken + "-"));
        Assert.Contains(feed.Events, e => e.Uid.StartsWith(ids[0] + "-"));
        Assert.Contains(feed.Events, e => e.Uid.StartsWith(ids[2] + "-"));
        var listing = JsonDocument.Parse(await host.Client.GetStringAsync($"/api/events?calendar={calendar}")).RootElement.GetProperty("events");
        Assert.Equal(2, listing.GetArrayLength());
        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Error") && l.Contains($"Event {broken} is left out"));

        // Reading that one event is a logged 500, not a 404: it exists.
        Assert.Equal(HttpStatusCode.InternalServerError, (await host.Client.GetAsync($"/api/events/{broken}")).StatusCode);

        // The reconciler passes it and keeps its rows; completion completes the others (they ended in 2025).
        var report = await host.GetService<IIndexReconciler>().RunAsync(eventBudget: 100, rowBudget: 1000, CancellationToken.None);
        Assert.True(report is { EventsPassComplete: true, RowsPassComplete: true, UnreadableEvents: 1 }, report.ToString());
        Assert.Equal(rows.Count, report.RowsLeftForUnreadableEvents);
        var completed = await host.GetService<CompletionService>().CompleteEndedEventsAsync(CancellationToken.None);
        Assert.Equal(2, completed);
        var left = new List<TableEntity>();
        await foreach (var row in tables.Agendas.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"EventId eq {broken}"))) left.Add(row);
        Assert.Equal(rows.Count, left.Count);
        Assert.Contains(host.Logs.Lines, l => l.Contains($"Event {broken} ended but cannot be read"));
    }
}
