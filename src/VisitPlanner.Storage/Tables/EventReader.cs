using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Reads the events that thin index rows (a person's agenda) name, from the Events table: several at once, and from
/// memory when this instance already read the event at the row's revision or later, so a busy person's feed re-reads
/// only the events that changed. The Events entity is written before its index rows, so it is never older than a row.
/// Memory is bounded by the events' document bytes (<see cref="MaxCachedBytes"/>), oldest read first out.
/// </summary>
public sealed class EventReader(VisitPlannerTables tables, ILogger<EventReader> logger)
{
    /// <summary>Event reads at once for one listing page.</summary>
    public const int Concurrency = 16;

    /// <summary>Document bytes of the events kept per instance (their objects take a few times that).</summary>
    public const long MaxCachedBytes = 32L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, (VisitEvent Event, int Bytes)> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private long _bytes;

    /// <summary>
    /// The events named, at least at the revisions given. An event that no longer exists is left out, and so is one whose
    /// document cannot be read, with an error logged: one bad row must not take every feed it is in down with it.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, VisitEvent>> ReadAsync(IReadOnlyCollection<(string EventId, int Revision)> wanted, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<string, VisitEvent>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (id, revision) in wanted)
        {
            if (_events.TryGetValue(id, out var known) && known.Event.Revision >= revision) found[id] = known.Event;
            else missing.Add(id);
        }
        await Parallel.ForEachAsync(missing.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (id, token) =>
        {
            var entity = await tables.Events.GetEntityIfExistsAsync<TableEntity>(id, "event", cancellationToken: token);
            if (!entity.HasValue) return;
            (VisitEvent Event, int Bytes) read;
            try
            {
                read = DocumentColumns.ReadEvent(entity.Value!);
            }
            catch (UnreadableEventException e)
            {
                logger.LogError(e, "Event {EventId} is left out of a listing: its stored document cannot be read", e.EventId);
                return;
            }
            found[id] = read.Event;
            Remember(id, read);
        });
        return found;
    }

    private void Remember(string id, (VisitEvent Event, int Bytes) read)
    {
        var added = false;
        _events.AddOrUpdate(id, _ => { added = true; return read; }, (_, other) => other.Event.Revision >= read.Event.Revision ? other : read);
        if (!added) return;
        _order.Enqueue(id);
        Interlocked.Add(ref _bytes, read.Bytes);
        while (Interlocked.Read(ref _bytes) > MaxCachedBytes && _order.TryDequeue(out var oldest))
        {
            if (_events.TryRemove(oldest, out var evicted)) Interlocked.Add(ref _bytes, -evicted.Bytes);
        }
    }
}
