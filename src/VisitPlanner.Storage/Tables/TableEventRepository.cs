using Azure;
using Azure.Data.Tables;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Storage.Documents;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Events on Table Storage. The event entity (PartitionKey = id) is the truth and is written first, in one atomic
/// operation guarded by its ETag; the index rows derived from it (<see cref="EventIndexRows"/>) are written after, by
/// <see cref="IndexWriter"/>, one guarded transaction per partition. A reader of the index therefore never sees an
/// event version whose own write failed, and never an index row older than one it saw before.
/// </summary>
public sealed class TableEventRepository(VisitPlannerTables tables, IndexWriter index, IClock clock) : IEventRepository
{
    private const string EventRowKey = "event";

    public async Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var response = await tables.Events.GetEntityIfExistsAsync<TableEntity>(id, EventRowKey, cancellationToken: cancellationToken);
        if (!response.HasValue) return null;
        var entity = response.Value!;
        return new StoredEvent(DocumentColumns.ReadEvent(entity).Event, entity.ETag.ToString());
    }

    public async Task CreateAsync(VisitEvent visit, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var document = EventDocument.Write(visit);
        if (document.Length > DocumentColumns.MaxBytes) throw TooLarge(document.Length);
        try
        {
            await tables.Events.AddEntityAsync(EventEntity(visit, document), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new EventAlreadyExistsException(visit.Id, e);
        }
        await index.WriteAsync(EventIndexRows.Writes(tables, previous: null, visit, document, clock.GetCurrentInstant()));
    }

    public async Task<VisitEvent> ReplaceAsync(StoredEvent previous, VisitEvent next, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var (stored, document) = Fitted(next);
        try
        {
            await tables.Events.UpdateEntityAsync(EventEntity(stored, document), new ETag(previous.ConcurrencyToken), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new ConcurrencyConflictException($"Event '{next.Id}' changed since revision {previous.Event.Revision} was read.", e);
        }
        await index.WriteAsync(EventIndexRows.Writes(tables, previous.Event, stored, document, clock.GetCurrentInstant()));
        return stored;
    }

    public async Task RepairIndexAsync(VisitEvent visit, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        await index.WriteAsync(EventIndexRows.Writes(tables, previous: null, visit, EventDocument.Write(visit), clock.GetCurrentInstant()));
    }

    public async Task<IReadOnlyList<CompletionEntry>> EndedOpenEventsAsync(Instant now, int max, CancellationToken cancellationToken, CompletionEntry? after = null)
    {
        await tables.EnsureCreatedAsync();
        var upperBound = RowKeys.TimePrefix(now + Duration.FromSeconds(1));
        var lowerBound = after is null ? "" : RowKeys.ByEnd(after.EndsAt, after.EventId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {EventIndexRows.OpenPartition} and RowKey gt {lowerBound} and RowKey lt {upperBound}");
        var entries = new List<CompletionEntry>();
        await foreach (var row in tables.Completion.QueryAsync<TableEntity>(filter, max, ["EventId", "EndsAt"], cancellationToken))
        {
            entries.Add(new CompletionEntry(row.GetString("EventId"), Instant.FromDateTimeOffset(row.GetDateTimeOffset("EndsAt")!.Value)));
            if (entries.Count == max) break;
        }
        return entries;
    }

    public async Task<IReadOnlyList<CompletionEntry>> OpenSeriesAsync(Instant endsFrom, int max, CancellationToken cancellationToken, CompletionEntry? after = null)
    {
        await tables.EnsureCreatedAsync();
        var filter = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {EventIndexRows.OpenPartition} and Series eq true and RowKey ge {RowKeys.TimePrefix(endsFrom)}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {EventIndexRows.OpenPartition} and Series eq true and RowKey gt {RowKeys.ByEnd(after.EndsAt, after.EventId)}");
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
    /// The event as it can be stored: when its document would not fit in an entity, the oldest tombstones lapse early
    /// (they have been in feeds the longest); when the live event alone does not fit, it is refused.
    /// </summary>
    private static (VisitEvent Stored, byte[] Document) Fitted(VisitEvent next)
    {
        var document = EventDocument.Write(next);
        var stored = next;
        while (document.Length > DocumentColumns.MaxBytes && stored.RemovedItems.Count > 0)
        {
            // Drop a share at a time: re-encoding after each single drop would be quadratic for hundreds of tombstones.
            var drop = Math.Max(1, stored.RemovedItems.Count / 8);
            stored = stored with { RemovedItems = stored.RemovedItems.Skip(drop).ToArray() };
            document = EventDocument.Write(stored);
        }
        if (document.Length > DocumentColumns.MaxBytes) throw TooLarge(document.Length);
        return (stored, document);
    }

    private static EventTooLargeException TooLarge(int bytes) =>
        new($"The event would take {bytes / 1024} KiB as stored; one event may take at most {DocumentColumns.MaxBytes / 1024} KiB.");

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
        DocumentColumns.Write(entity, document, EventDocument.SchemaOf(visit));
        return entity;
    }
}
