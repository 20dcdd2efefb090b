using System.Collections.Concurrent;
using Azure.Data.Tables;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Reads the events that thin index rows (a person's agenda) name, from the Events table: several at once, and from
/// memory when this instance already read the event at the row's revision or later, so a busy person's feed re-reads
/// only the events that changed. The Events entity is written before its index rows, so it is never older than a row.
/// </summary>
public sealed class EventReader(VisitPlannerTables tables)
{
    /// <summary>Event reads at once for one listing page.</summary>
    public const int Concurrency = 16;

    /// <summary>Events kept per instance; past that the memory starts over.</summary>
    public const int MaxCached = 4096;

    private readonly ConcurrentDictionary<string, VisitEvent> _events = new(StringComparer.Ordinal);

    /// <summary>The events named, at least at the revisions given; an event that no longer exists is left out.</summary>
    public async Task<IReadOnlyDictionary<string, VisitEvent>> ReadAsync(IReadOnlyCollection<(string EventId, int Revision)> wanted, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<string, VisitEvent>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (id, revision) in wanted)
        {
            if (_events.TryGetValue(id, out var known) && known.Revision >= revision) found[id] = known;
            else missing.Add(id);
        }
        await Parallel.ForEachAsync(missing.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (id, token) =>
        {
            var entity = await tables.Events.GetEntityIfExistsAsync<TableEntity>(id, "event", cancellationToken: token);
            if (!entity.HasValue) return;
            var visit = DocumentColumns.ReadEvent(entity.Value!);
            found[id] = visit;
            if (_events.Count >= MaxCached) _events.Clear();
            _events.AddOrUpdate(id, visit, (_, other) => other.Revision >= visit.Revision ? other : visit);
        });
        return found;
    }
}
