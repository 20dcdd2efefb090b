using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Repositories;

/// <summary>Where events are kept; writing one also brings the agendas it appears in up to date.</summary>
public interface IEventRepository
{
    Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a new event and its index rows; throws <see cref="EventAlreadyExistsException"/> when its id is taken and
    /// <see cref="EventTooLargeException"/> when it cannot be stored. Once the event is written, its index is written
    /// whatever <paramref name="cancellationToken"/> says: a client hanging up must not leave it half-written.
    /// </summary>
    Task CreateAsync(VisitEvent visit, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <paramref name="previous"/> with <paramref name="next"/> and returns the event as stored (the oldest
    /// tombstones lapse early if it would otherwise not fit); throws <see cref="ConcurrencyConflictException"/> when the
    /// stored event is no longer <paramref name="previous"/>. The index is written as for <see cref="CreateAsync"/>.
    /// </summary>
    Task<VisitEvent> ReplaceAsync(StoredEvent previous, VisitEvent next, CancellationToken cancellationToken);

    /// <summary>Brings every index row of <paramref name="visit"/> to its revision, where an earlier write left one behind; idempotent.</summary>
    Task RepairIndexAsync(VisitEvent visit, CancellationToken cancellationToken);

    /// <summary>Entries of the completion index (open events by end time) that ended at or before <paramref name="now"/>, oldest first, after <paramref name="after"/> if given.</summary>
    Task<IReadOnlyList<CompletionEntry>> EndedOpenEventsAsync(Instant now, int max, CancellationToken cancellationToken, CompletionEntry? after = null);

    /// <summary>Open series (from the completion index) that end at or after <paramref name="endsFrom"/>, oldest end first, after <paramref name="after"/> if given.</summary>
    Task<IReadOnlyList<CompletionEntry>> OpenSeriesAsync(Instant endsFrom, int max, CancellationToken cancellationToken, CompletionEntry? after = null);

    /// <summary>Drops a completion-index entry that no longer matches its event (the event changed or is gone).</summary>
    Task RemoveCompletionEntryAsync(CompletionEntry entry, CancellationToken cancellationToken);
}
