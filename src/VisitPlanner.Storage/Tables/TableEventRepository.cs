using Azure.Data.Tables;
using Azure;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Events on Table Storage. The event entity (PartitionKey = id) is the truth and is written first, in one
/// atomic operation guarded by its ETag; the index rows derived from it (<see cref="EventIndexRows"/>) are
/// written after, one transaction per agenda partition. A reader of the index therefore never sees an event
/// version whose own write failed.
/// </summary>
public sealed class TableEventRepository(VisitPlannerTables tables, IClock clock) : IEventRepository
{
    private const string EventRowKey = "event";

    public async Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var response = await tables.Events.GetEntityIfExistsAsync<TableEntity>(id, EventRowKey, cancellationToken: cancellationToken);
        if (!response.HasValue) return null;
        var entity = response.Value!;
        return new StoredEvent(Parse(entity), entity.ETag.ToString());
    }

    public async Task CreateAsync(VisitEvent visit, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var document = EventIndexRows.Document(visit);
        try
        {
            await tables.Events.AddEntityAsync(EventEntity(visit, document), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new EventAlreadyExistsException(visit.Id, e);
        }
        await WriteIndexAsync(previous: null, visit, document, cancellationToken);
    }

    public async Task ReplaceAsync(StoredEvent previous, VisitEvent next, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var document = EventIndexRows.Document(next);
        try
        {
            await tables.Events.UpdateEntityAsync(EventEntity(next, document), new ETag(previous.ConcurrencyToken), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException($"Event '{next.Id}' changed since revision {previous.Event.Revision} was read.", e);
        }
        await WriteIndexAsync(previous.Event, next, document, cancellationToken);
    }

    public async Task<IReadOnlyList<CompletionEntry>> EndedOpenEventsAsync(Instant now, int max, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var upperBound = RowKeys.TimePrefix(now + Duration.FromSeconds(1));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {EventIndexRows.OpenPartition} and RowKey lt {upperBound}");
        var entries = new List<CompletionEntry>();
        await foreach (var row in tables.Completion.QueryAsync<TableEntity>(filter, max, ["EventId", "EndsAt"], cancellationToken))
        {
            entries.Add(new CompletionEntry(row.GetString("EventId"), Instant.FromDateTimeOffset(row.GetDateTimeOffset("EndsAt")!.Value)));
            if (entries.Count == max) break;
        }
        return entries;
    }

    public async Task RemoveCompletionEntryAsync(CompletionEntry entry, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        await tables.Completion.DeleteEntityAsync(EventIndexRows.OpenPartition, RowKeys.ByEnd(entry.EndsAt, entry.EventId), ETag.All, cancellationToken);
    }

    /// <summary>
    /// Brings the index partitions from <paramref name="previous"/>'s rows to <paramref name="next"/>'s. In each
    /// agenda partition, removing the stale row, upserting the current one and touching the profile (the feed
    /// version) is one transaction, so a feed sees the old version or the new, never both or neither.
    /// </summary>
    private async Task WriteIndexAsync(VisitEvent? previous, VisitEvent next, byte[] document, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant().ToDateTimeOffset();
        var current = EventIndexRows.Agendas(next).ToHashSet();
        var left = previous is null ? [] : EventIndexRows.Agendas(previous).Where(a => !current.Contains(a)).ToArray();

        var wanted = current.Select(agenda => (Table: tables.Agendas, Row: EventIndexRows.AgendaRow(agenda, next, document)))
            // An agenda the event left keeps a withdrawn row, so its feed can announce the event as cancelled.
            .Concat(left.Select(agenda => (Table: tables.Agendas, Row: EventIndexRows.AgendaRow(agenda, next, document, withdrawnAt: now))))
            .ToList();
        if (EventIndexRows.CompletionRow(next) is { } completion) wanted.Add((tables.Completion, completion));

        var stale = new List<(TableClient Table, TableEntity Row)>();
        if (previous is not null)
        {
            stale.AddRange(EventIndexRows.Agendas(previous).Select(agenda => (tables.Agendas, EventIndexRows.AgendaRow(agenda, previous, []))));
            if (EventIndexRows.CompletionRow(previous) is { } oldCompletion) stale.Add((tables.Completion, oldCompletion));
            stale.RemoveAll(old => wanted.Any(w => w.Table == old.Table && w.Row.PartitionKey == old.Row.PartitionKey && w.Row.RowKey == old.Row.RowKey));
        }

        var partitions = wanted.Select(w => (w.Table, w.Row.PartitionKey)).Concat(stale.Select(s => (s.Table, s.Row.PartitionKey))).Distinct();
        foreach (var (table, partition) in partitions)
        {
            var actions = stale.Where(s => s.Table == table && s.Row.PartitionKey == partition)
                .Select(s => new TableTransactionAction(TableTransactionActionType.Delete, s.Row, ETag.All))
                .Concat(wanted.Where(w => w.Table == table && w.Row.PartitionKey == partition)
                    .Select(w => new TableTransactionAction(TableTransactionActionType.UpsertReplace, w.Row)))
                .ToList();
            if (table == tables.Agendas)
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, EventIndexRows.ProfileTouch(partition, now), ETag.All));
            await SubmitAsync(table, actions, cancellationToken);
        }
    }

    /// <summary>Submits one partition's changes; a stale row that is already gone must not stop the rest.</summary>
    private static async Task SubmitAsync(TableClient table, List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            // Retry without the deletes, which may name rows already gone; the rest stays one transaction.
            var upserts = actions.Where(a => a.ActionType != TableTransactionActionType.Delete).ToList();
            if (upserts.Count > 0) await table.SubmitTransactionAsync(upserts, cancellationToken);
            foreach (var delete in actions.Where(a => a.ActionType == TableTransactionActionType.Delete))
            {
                await table.DeleteEntityAsync(delete.Entity.PartitionKey, delete.Entity.RowKey, ETag.All, cancellationToken);
            }
        }
    }

    private static TableEntity EventEntity(VisitEvent visit, byte[] document)
    {
        var entity = new TableEntity(visit.Id, EventRowKey)
        {
            ["Kind"] = visit.Kind.ToWireName(),
            ["Status"] = visit.Status.ToWireName(),
            ["Title"] = visit.Title,
            ["Revision"] = visit.Revision,
            ["StartsAt"] = visit.StartsAt.ToDateTimeOffset(),
            ["EndsAt"] = visit.EndsAt.ToDateTimeOffset(),
            ["Calendars"] = string.Join(",", visit.Calendars),
        };
        DocumentColumns.Write(entity, document);
        return entity;
    }

    private static VisitEvent Parse(TableEntity entity) => TableAgendaRepository.ParseDocument(entity);
}
