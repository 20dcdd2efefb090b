using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Storage.Documents;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Brings agenda and completion index rows in line with the events, for when a process died (or storage failed)
/// between writing an event and writing its index. Two passes, each resumable from a cursor kept in the Events
/// table (partition "~maintenance"):
/// <list type="number">
/// <item>events → rows: every partition an event should have a row in has it at the event's revision, written through
/// <see cref="IndexWriter"/> like any event write, so a concurrent writer's newer row always wins;</item>
/// <item>rows → events: an index row whose event is gone, that its partition's locator no longer names, or (rows from
/// before locators) whose key is an older version's, is removed; one that stayed live in an agenda the event left is
/// withdrawn; a withdrawn row whose announcement has lapsed is removed. Each row is read before its event, and events
/// are written before their rows, so the event read is never older than the row.</item>
/// </list>
/// Every change to what an agenda's feed shows touches its profile in the same transaction, so feed versions stay exact.
/// </summary>
public sealed class IndexReconciler(VisitPlannerTables tables, IndexWriter index, IClock clock, ILogger<IndexReconciler> logger) : IIndexReconciler
{
    private const string MaintenancePartition = "~maintenance";
    private const string CheckpointRow = "reconciler";

    public async Task<ReconcileReport> RunAsync(int eventBudget, int rowBudget, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var checkpoint = await ReadCheckpointAsync(cancellationToken);
        var (eventsChecked, restored, unreadableEvents, eventsCursor) = await CheckEventsAsync(checkpoint.Events, eventBudget, cancellationToken);
        var (rowsChecked, removed, rowsOfUnreadable, rowsCursor) = await CheckRowsAsync(checkpoint.Rows, rowBudget, cancellationToken);
        await SaveCheckpointAsync(eventsCursor, rowsCursor, cancellationToken);
        var report = new ReconcileReport(eventsChecked, restored, rowsChecked, removed, eventsCursor is null, rowsCursor is null)
        {
            UnreadableEvents = unreadableEvents,
            RowsLeftForUnreadableEvents = rowsOfUnreadable,
        };
        logger.LogInformation("Reconciled indexes: {Report}", report);
        return report;
    }

    private async Task<(int Checked, int Restored, int Unreadable, string? Cursor)> CheckEventsAsync(string? cursor, int budget, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {"event"}");
        await foreach (var page in tables.Events.QueryAsync<TableEntity>(filter, budget, cancellationToken: cancellationToken).AsPages(cursor, budget))
        {
            var (restored, unreadable) = (0, 0);
            foreach (var entity in page.Values)
            {
                if (Read(entity) is not { } visit)
                {
                    unreadable++;
                    continue;
                }
                restored += await index.WriteAsync(EventIndexRows.Writes(tables, previous: null, visit, EventDocument.Write(visit), clock.GetCurrentInstant()));
            }
            return (page.Values.Count, restored, unreadable, page.ContinuationToken);
        }
        return (0, 0, 0, null);
    }

    /// <summary>
    /// The event, or null with an error logged when its document cannot be read: the pass goes on past it (a bad row
    /// must not halt repair for good), and nothing of it is repaired or removed, since what it should be is unknown.
    /// </summary>
    private VisitEvent? Read(TableEntity entity)
    {
        try
        {
            return DocumentColumns.ReadEvent(entity).Event;
        }
        catch (UnreadableEventException e)
        {
            logger.LogError(e, "Event {EventId} cannot be read; its index rows are left as they are", e.EventId);
            return null;
        }
    }

    private async Task<(int Checked, int Removed, int OfUnreadable, string? Cursor)> CheckRowsAsync(string? cursor, int budget, CancellationToken cancellationToken)
    {
        // Index rows only: profile, subscription and locator rows start with '~'.
        var filter = TableClient.CreateQueryFilter($"RowKey lt {"~"}");
        await foreach (var page in tables.Agendas.QueryAsync<TableEntity>(filter, budget, cancellationToken: cancellationToken).AsPages(cursor, budget))
        {
            var events = new Dictionary<string, (bool Exists, VisitEvent? Event)>(StringComparer.Ordinal);
            var (removed, ofUnreadable) = (0, 0);
            foreach (var row in page.Values)
            {
                var eventId = row.GetString("EventId");
                if (!events.TryGetValue(eventId, out var known))
                {
                    var stored = await tables.Events.GetEntityIfExistsAsync<TableEntity>(eventId, "event", cancellationToken: cancellationToken);
                    events[eventId] = known = stored.HasValue ? (true, Read(stored.Value!)) : (false, null);
                }
                // A row of an event that exists but cannot be read is not an orphan: leave it.
                if (known is { Exists: true, Event: null }) ofUnreadable++;
                else if (await RepairRowAsync(row, known.Event, cancellationToken)) removed++;
            }
            return (page.Values.Count, removed, ofUnreadable, page.ContinuationToken);
        }
        return (0, 0, 0, null);
    }

    /// <summary>Removes or withdraws a row that does not match its event; true when it changed something.</summary>
    private async Task<bool> RepairRowAsync(TableEntity row, VisitEvent? visit, CancellationToken cancellationToken)
    {
        var delete = new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag);
        var located = await tables.Agendas.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, IndexLocator.RowKey(row.GetString("EventId")), cancellationToken: cancellationToken);
        var locator = located.HasValue ? located.Value : null;
        if (visit is null)
        {
            List<TableTransactionAction> actions = [delete, Touch(row.PartitionKey)];
            if (locator is not null) actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, locator, locator.ETag));
            return await TrySubmitAsync(actions, cancellationToken);
        }

        // A row its locator does not name was left behind; before locators, a row at another key than the event's now.
        var orphan = locator is not null ? IndexLocator.IndexRowKeyOf(locator) != row.RowKey : row.RowKey != RowKeys.AgendaRow(visit);
        if (orphan) return await TrySubmitAsync([delete, Touch(row.PartitionKey)], cancellationToken);

        var agenda = AgendaRows.AgendaOf(row.PartitionKey);
        var withdrawnAt = row.GetDateTimeOffset("WithdrawnAt") is { } at ? Instant.FromDateTimeOffset(at) : (Instant?)null;
        if (withdrawnAt is null && !EventIndexRows.Agendas(visit).Contains(agenda))
        {
            // The event left this agenda but the write that should have withdrawn it here did not happen.
            var withdrawn = EventIndexRows.AgendaRow(agenda, visit, EventDocument.Write(visit), withdrawnAt: clock.GetCurrentInstant());
            return await index.WriteAsync([new IndexWrite(tables.Agendas, withdrawn, TouchProfile: true, legacyRowKey: row.RowKey)]) > 0;
        }
        if (withdrawnAt is { } since && since + Retention.Tombstones < clock.GetCurrentInstant() && locator is not null)
        {
            // Announced for long enough; the feed no longer shows it. The locator stays, so a late older write still finds it.
            var emptied = IndexLocator.Entity(row.PartitionKey, visit.Id, null, IndexLocator.RevisionOf(locator));
            return await TrySubmitAsync([delete, new TableTransactionAction(TableTransactionActionType.UpdateReplace, emptied, locator.ETag)], cancellationToken);
        }
        return false;
    }

    private TableTransactionAction Touch(string partitionKey) =>
        new(TableTransactionActionType.UpdateMerge, EventIndexRows.ProfileTouch(partitionKey, clock.GetCurrentInstant()), ETag.All);

    /// <summary>A conflict means a writer got there first with something newer: leave it.</summary>
    private async Task<bool> TrySubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Agendas.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    private async Task<(string? Events, string? Rows)> ReadCheckpointAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await tables.Events.GetEntityIfExistsAsync<TableEntity>(MaintenancePartition, CheckpointRow, cancellationToken: cancellationToken);
        return checkpoint.HasValue ? (checkpoint.Value!.GetString("EventsCursor"), checkpoint.Value.GetString("RowsCursor")) : (null, null);
    }

    private Task SaveCheckpointAsync(string? events, string? rows, CancellationToken cancellationToken) =>
        tables.Events.UpsertEntityAsync(new TableEntity(MaintenancePartition, CheckpointRow)
        {
            ["EventsCursor"] = events,
            ["RowsCursor"] = rows,
            ["SavedAt"] = clock.GetCurrentInstant().ToDateTimeOffset(),
        }, TableUpdateMode.Replace, cancellationToken);
}
