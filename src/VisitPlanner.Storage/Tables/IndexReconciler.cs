using Azure.Data.Tables;
using Azure;
using Microsoft.Extensions.Logging;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Brings agenda and completion index rows in line with the events, for when a process died (or storage failed)
/// between writing an event and writing its index. Two passes, each resumable from a cursor kept in the Events
/// table (partition "~maintenance"):
/// <list type="number">
/// <item>events → rows: every row an event should have exists at its revision (insert-only, or replace on the
/// row's ETag, so a concurrent writer always wins);</item>
/// <item>rows → events: an index row whose event is gone, whose key is an older version's, or that stayed live in
/// an agenda the event left, is removed (or turned into a withdrawn row). Each row is read before its event, and
/// events are written before their rows, so the event read is never older than the row.</item>
/// </list>
/// Every change to an agenda's rows touches its profile in the same transaction, so feed versions stay exact.
/// </summary>
public sealed class IndexReconciler(VisitPlannerTables tables, IClock clock, ILogger<IndexReconciler> logger) : IIndexReconciler
{
    private const string MaintenancePartition = "~maintenance";
    private const string CheckpointRow = "reconciler";

    public async Task<ReconcileReport> RunAsync(int eventBudget, int rowBudget, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var checkpoint = await ReadCheckpointAsync(cancellationToken);
        var (eventsChecked, restored, eventsCursor) = await CheckEventsAsync(checkpoint.Events, eventBudget, cancellationToken);
        var (rowsChecked, removed, rowsCursor) = await CheckRowsAsync(checkpoint.Rows, rowBudget, cancellationToken);
        await SaveCheckpointAsync(eventsCursor, rowsCursor, cancellationToken);
        var report = new ReconcileReport(eventsChecked, restored, rowsChecked, removed, eventsCursor is null, rowsCursor is null);
        logger.LogInformation("Reconciled indexes: {Report}", report);
        return report;
    }

    private async Task<(int Checked, int Restored, string? Cursor)> CheckEventsAsync(string? cursor, int budget, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {"event"}");
        await foreach (var page in tables.Events.QueryAsync<TableEntity>(filter, budget, cancellationToken: cancellationToken).AsPages(cursor, budget))
        {
            var restored = 0;
            foreach (var entity in page.Values)
            {
                var visit = TableAgendaRepository.ParseDocument(entity);
                restored += await EnsureRowsAsync(visit, cancellationToken);
            }
            return (page.Values.Count, restored, page.ContinuationToken);
        }
        return (0, 0, null);
    }

    /// <summary>Writes every row the event should have that is missing or older than the event.</summary>
    private async Task<int> EnsureRowsAsync(VisitEvent visit, CancellationToken cancellationToken)
    {
        var document = EventIndexRows.Document(visit);
        var restored = 0;
        foreach (var agenda in EventIndexRows.Agendas(visit))
        {
            var wanted = EventIndexRows.AgendaRow(agenda, visit, document);
            var existing = await tables.Agendas.GetEntityIfExistsAsync<TableEntity>(wanted.PartitionKey, wanted.RowKey, cancellationToken: cancellationToken);
            TableTransactionAction write;
            if (!existing.HasValue) write = new TableTransactionAction(TableTransactionActionType.Add, wanted);
            else if ((existing.Value!.GetInt32("Revision") ?? 0) < visit.Revision || existing.Value.GetBoolean("Withdrawn") == true)
                write = new TableTransactionAction(TableTransactionActionType.UpdateReplace, wanted, existing.Value.ETag);
            else continue;
            if (await TrySubmitAsync([write, Touch(wanted.PartitionKey)], cancellationToken)) restored++;
        }
        if (EventIndexRows.CompletionRow(visit) is { } completion
            && !(await tables.Completion.GetEntityIfExistsAsync<TableEntity>(completion.PartitionKey, completion.RowKey, cancellationToken: cancellationToken)).HasValue)
        {
            if (await TrySubmitAsync(tables.Completion, [new TableTransactionAction(TableTransactionActionType.Add, completion)], cancellationToken)) restored++;
        }
        return restored;
    }

    private async Task<(int Checked, int Removed, string? Cursor)> CheckRowsAsync(string? cursor, int budget, CancellationToken cancellationToken)
    {
        // Index rows only: profile and subscription rows start with '~'.
        var filter = TableClient.CreateQueryFilter($"RowKey lt {"~"}");
        await foreach (var page in tables.Agendas.QueryAsync<TableEntity>(filter, budget, cancellationToken: cancellationToken).AsPages(cursor, budget))
        {
            var events = new Dictionary<string, VisitEvent?>(StringComparer.Ordinal);
            var removed = 0;
            foreach (var row in page.Values)
            {
                var eventId = row.GetString("EventId");
                if (!events.TryGetValue(eventId, out var visit))
                {
                    var stored = await tables.Events.GetEntityIfExistsAsync<TableEntity>(eventId, "event", cancellationToken: cancellationToken);
                    events[eventId] = visit = stored.HasValue ? TableAgendaRepository.ParseDocument(stored.Value!) : null;
                }
                if (await RepairRowAsync(row, visit, cancellationToken)) removed++;
            }
            return (page.Values.Count, removed, page.ContinuationToken);
        }
        return (0, 0, null);
    }

    /// <summary>Removes or withdraws a row that does not match its event; true when it changed something.</summary>
    private async Task<bool> RepairRowAsync(TableEntity row, VisitEvent? visit, CancellationToken cancellationToken)
    {
        var delete = new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag);
        if (visit is null) return await TrySubmitAsync([delete, Touch(row.PartitionKey)], cancellationToken);

        var expectedKey = RowKeys.ByEnd(visit.EndsAt, visit.Id);
        var belongs = EventIndexRows.Agendas(visit).Any(a => AgendaRows.PartitionKey(a) == row.PartitionKey);
        var withdrawn = row.GetBoolean("Withdrawn") == true;
        if (belongs && row.RowKey != expectedKey)
            return await TrySubmitAsync([delete, Touch(row.PartitionKey)], cancellationToken);
        if (!belongs && !withdrawn)
        {
            // The event left this agenda but the write that should have withdrawn it here did not happen.
            var agenda = AgendaOf(row.PartitionKey);
            var replacement = EventIndexRows.AgendaRow(agenda, visit, EventIndexRows.Document(visit), withdrawnAt: clock.GetCurrentInstant().ToDateTimeOffset());
            var actions = row.RowKey == replacement.RowKey
                ? new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, replacement, row.ETag) }
                : [delete, new TableTransactionAction(TableTransactionActionType.Add, replacement)];
            actions.Add(Touch(row.PartitionKey));
            return await TrySubmitAsync(actions, cancellationToken);
        }
        return false;
    }

    private static AgendaKey AgendaOf(string partitionKey) =>
        partitionKey.StartsWith("c.", StringComparison.Ordinal) ? AgendaKey.Calendar(partitionKey[2..]) : AgendaKey.Person(partitionKey[2..]);

    private TableTransactionAction Touch(string partitionKey) =>
        new(TableTransactionActionType.UpdateMerge, EventIndexRows.ProfileTouch(partitionKey, clock.GetCurrentInstant().ToDateTimeOffset()), ETag.All);

    private Task<bool> TrySubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken) =>
        TrySubmitAsync(tables.Agendas, actions, cancellationToken);

    /// <summary>A conflict means a writer got there first with something newer: leave it.</summary>
    private static async Task<bool> TrySubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
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
