using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using VisitPlanner.Core.Caching;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Reads the events that thin index rows (a person's agenda) name, from the Events table: several at once, and from
/// memory when this instance already read the event at the row's revision or later, so a busy person's feed re-reads
/// only the events that changed. The Events entity is written before its index rows, so it is never older than a row.
/// Calendar rows carry their documents; those too are parsed once per revision (<see cref="Known"/>). Memory is bounded
/// by the events' document bytes (<see cref="MaxCachedBytes"/>), the event used longest ago first out.
/// </summary>
public sealed class EventReader(VisitPlannerTables tables, ILogger<EventReader> logger)
{
    /// <summary>Event reads at once for one listing page.</summary>
    public const int Concurrency = 16;

    /// <summary>Document bytes of the events kept per instance (their objects take a few times that).</summary>
    public const long MaxCachedBytes = 32L * 1024 * 1024;

    private readonly SizeBoundedCache<string, (VisitEvent Event, int Bytes)> _events = new(MaxCachedBytes, read => read.Bytes, StringComparer.Ordinal);

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

    /// <summary>
    /// The event at exactly <paramref name="revision"/>, if this instance read it: a calendar's index row carries its
    /// event's document, the same at one revision wherever it is stored (every change raises the revision), so a
    /// row at a revision already read need not be parsed again.
    /// </summary>
    public VisitEvent? Known(string id, int revision) => _events.TryGetValue(id, out var known) && known.Event.Revision == revision ? known.Event : null;

    /// <summary>The event as read, unless this instance already holds a newer revision of it.</summary>
    public void Remember(string id, (VisitEvent Event, int Bytes) read) => _events.Set(id, read, (kept, offered) => kept.Event.Revision >= offered.Event.Revision);
}
