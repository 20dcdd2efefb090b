using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Events on Table Storage. The event entity (PartitionKey = id) is the truth and is written first, in one
/// atomic operation guarded by its ETag; the index rows derived from it (<see cref="EventIndexRows"/>) are
/// written after, one transaction per index partition. A reader of the index therefore never sees an event
/// version whose own write failed.
/// </summary>
public sealed class TableEventRepository(VisitPlannerTables tables) : IEventRepository
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
        await tables.Events.AddEntityAsync(EventEntity(visit, document), cancellationToken);
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

    public async Task<EventPage> ListByCalendarAsync(string calendarId, Instant from, Instant to, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        // Rows are keyed by end time: RowKey >= from + 1 s selects events ending after `from`; StartsAt < `to` is checked by the service.
        var lowerBound = RowKeys.TimePrefix(from + Duration.FromSeconds(1));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {calendarId} and RowKey ge {lowerBound} and StartsAt lt {to.ToDateTimeOffset()}");
        var pages = tables.CalendarEvents.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken)
            .AsPages(ContinuationTokens.Decode(continuationToken, calendarId), pageSize);
        await foreach (var page in pages)
        {
            var events = page.Values.Select(Parse).ToArray();
            return new EventPage(events, ContinuationTokens.Encode(page.ContinuationToken));
        }
        return new EventPage([], null);
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
    /// Brings the index partitions from <paramref name="previous"/>'s rows to <paramref name="next"/>'s:
    /// in each partition, removing stale rows and upserting current ones is one transaction, so a feed sees
    /// the old version or the new, never both or neither.
    /// </summary>
    private async Task WriteIndexAsync(VisitEvent? previous, VisitEvent next, byte[] document, CancellationToken cancellationToken)
    {
        var wanted = EventIndexRows.CalendarRows(next, document).Select(row => (tables.CalendarEvents, row)).ToList();
        if (EventIndexRows.CompletionRow(next) is { } completion) wanted.Add((tables.Completion, completion));

        var stale = new List<(TableClient Table, TableEntity Row)>();
        if (previous is not null)
        {
            var previousDocument = Array.Empty<byte>();
            stale.AddRange(EventIndexRows.CalendarRows(previous, previousDocument).Select(row => (tables.CalendarEvents, row)));
            if (EventIndexRows.CompletionRow(previous) is { } oldCompletion) stale.Add((tables.Completion, oldCompletion));
            stale.RemoveAll(old => wanted.Any(w => w.Item1 == old.Table && w.row.PartitionKey == old.Row.PartitionKey && w.row.RowKey == old.Row.RowKey));
        }

        var partitions = wanted.Select(w => (w.Item1, w.row.PartitionKey))
            .Concat(stale.Select(s => (s.Table, s.Row.PartitionKey)))
            .Distinct();
        foreach (var (table, partition) in partitions)
        {
            var actions = stale.Where(s => s.Table == table && s.Row.PartitionKey == partition)
                .Select(s => new TableTransactionAction(TableTransactionActionType.Delete, s.Row, ETag.All))
                .Concat(wanted.Where(w => w.Item1 == table && w.row.PartitionKey == partition)
                    .Select(w => new TableTransactionAction(TableTransactionActionType.UpsertReplace, w.row)))
                .ToList();
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

    private static VisitEvent Parse(TableEntity entity)
    {
        using var json = JsonDocument.Parse(DocumentColumns.Read(entity), JsonOutput.ParseOptions);
        return EventJsonReader.ReadStored(json.RootElement);
    }
}
