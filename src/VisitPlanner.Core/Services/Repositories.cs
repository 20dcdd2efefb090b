using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Services;

/// <summary>Where calendars are kept. Implemented on Table Storage by VisitPlanner.Storage.</summary>
public interface ICalendarRepository
{
    Task<VisitCalendar?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the calendar; true when it did not exist before.</summary>
    Task<bool> UpsertAsync(VisitCalendar calendar, CancellationToken cancellationToken);
}

/// <summary>An event as stored, with the opaque token the store needs to replace exactly this version.</summary>
public sealed record StoredEvent(VisitEvent Event, string ConcurrencyToken);

/// <summary>One page of a listing and the token for the next, null on the last page.</summary>
public sealed record EventPage(IReadOnlyList<VisitEvent> Events, string? ContinuationToken);

/// <summary>Where events are kept, with the per-calendar index that feeds and listings read.</summary>
public interface IEventRepository
{
    Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Writes a new event and its index rows.</summary>
    Task CreateAsync(VisitEvent visit, CancellationToken cancellationToken);

    /// <summary>Replaces <paramref name="previous"/> with <paramref name="next"/>; throws <see cref="ConcurrencyConflictException"/> when the stored event is no longer <paramref name="previous"/>.</summary>
    Task ReplaceAsync(StoredEvent previous, VisitEvent next, CancellationToken cancellationToken);

    /// <summary>Events of one calendar that overlap [from, to), a page at a time, read from that calendar's index only; throws <see cref="InvalidContinuationTokenException"/> for a token it did not issue.</summary>
    Task<EventPage> ListByCalendarAsync(string calendarId, Instant from, Instant to, string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>Entries of the completion index (open events by end time) that ended at or before <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<CompletionEntry>> EndedOpenEventsAsync(Instant now, int max, CancellationToken cancellationToken);

    /// <summary>Drops a completion-index entry that no longer matches its event (the event changed or is gone).</summary>
    Task RemoveCompletionEntryAsync(CompletionEntry entry, CancellationToken cancellationToken);
}

/// <summary>An open event's place in the completion index: its id and the end time the index holds for it.</summary>
public sealed record CompletionEntry(string EventId, Instant EndsAt);

/// <summary>A continuation token that this store did not issue for this listing.</summary>
public sealed class InvalidContinuationTokenException(string message) : Exception(message);

/// <summary>The stored event changed between reading it and writing it back.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);
