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

/// <summary>Where people are kept.</summary>
public interface IPersonRepository
{
    Task<Person?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the person; true when they did not exist before.</summary>
    Task<bool> UpsertAsync(Person person, CancellationToken cancellationToken);
}

/// <summary>Secret feed URLs of calendars and people.</summary>
public interface ISubscriptionRepository
{
    Task CreateAsync(Subscription subscription, CancellationToken cancellationToken);

    Task<IReadOnlyList<Subscription>> ListAsync(AgendaKey agenda, CancellationToken cancellationToken);

    /// <summary>False when there was no such subscription.</summary>
    Task<bool> DeleteAsync(AgendaKey agenda, string subscriptionId, CancellationToken cancellationToken);

    Task RecordFetchAsync(AgendaKey agenda, string subscriptionId, Instant fetchedAt, CancellationToken cancellationToken);
}

/// <summary>
/// What a poll needs before it reads any event: the agenda's profile, its version (which changes with
/// every change to anything its feed shows), and the subscription a token names.
/// </summary>
public sealed record AgendaHead(VisitCalendar? Calendar, Person? Person, string Version, Instant LastModified, Subscription? Subscription)
{
    public NodaTime.DateTimeZone TimeZone => Calendar?.TimeZone ?? Person!.TimeZone;

    public string Name => Calendar?.Name ?? Person!.Name;
}

/// <summary>The per-agenda index that feeds and listings read: one partition per calendar and per person.</summary>
public interface IAgendaRepository
{
    /// <summary>The agenda's head, and the subscription <paramref name="subscriptionId"/> if given, in one read; null when the agenda does not exist.</summary>
    Task<AgendaHead?> ReadHeadAsync(AgendaKey agenda, string? subscriptionId, CancellationToken cancellationToken);

    /// <summary>
    /// Events of one agenda that overlap [from, to), a page at a time, read from that agenda's index only, with
    /// withdrawn entries when <paramref name="includeWithdrawn"/>; throws <see cref="InvalidContinuationTokenException"/>
    /// for a token it did not issue.
    /// </summary>
    Task<EventPage> ListAsync(AgendaKey agenda, Instant from, Instant to, bool includeWithdrawn, string? continuationToken, int pageSize, CancellationToken cancellationToken);
}

/// <summary>An event as stored, with the opaque token the store needs to replace exactly this version.</summary>
public sealed record StoredEvent(VisitEvent Event, string ConcurrencyToken);

/// <summary>One page of a listing and the token for the next, null on the last page.</summary>
public sealed record EventPage(IReadOnlyList<AgendaEntry> Entries, string? ContinuationToken)
{
    public IEnumerable<VisitEvent> Events => Entries.Select(e => e.Event);
}

/// <summary>
/// An event as one agenda holds it. <see cref="WithdrawnAt"/> is set when the event left this agenda (taken
/// off the calendar, or the person no longer takes part): the feed then announces it as cancelled for a while
/// instead of dropping it, since clients only remove entries they are told about.
/// </summary>
public sealed record AgendaEntry(VisitEvent Event, Instant? WithdrawnAt = null);

/// <summary>Where events are kept; writing one also brings the agendas it appears in up to date.</summary>
public interface IEventRepository
{
    Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Writes a new event and its index rows; throws <see cref="EventAlreadyExistsException"/> when its id is taken.</summary>
    Task CreateAsync(VisitEvent visit, CancellationToken cancellationToken);

    /// <summary>Replaces <paramref name="previous"/> with <paramref name="next"/>; throws <see cref="ConcurrencyConflictException"/> when the stored event is no longer <paramref name="previous"/>.</summary>
    Task ReplaceAsync(StoredEvent previous, VisitEvent next, CancellationToken cancellationToken);

    /// <summary>Entries of the completion index (open events by end time) that ended at or before <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<CompletionEntry>> EndedOpenEventsAsync(Instant now, int max, CancellationToken cancellationToken);

    /// <summary>Drops a completion-index entry that no longer matches its event (the event changed or is gone).</summary>
    Task RemoveCompletionEntryAsync(CompletionEntry entry, CancellationToken cancellationToken);
}

/// <summary>An open event's place in the completion index: its id and the end time the index holds for it.</summary>
public sealed record CompletionEntry(string EventId, Instant EndsAt);

/// <summary>What one reconciler run did, and whether each of its two passes reached the end (and starts over next run).</summary>
public sealed record ReconcileReport(int EventsChecked, int RowsRestored, int RowsChecked, int RowsRemoved, bool EventsPassComplete, bool RowsPassComplete)
{
    public bool ChangedNothing => RowsRestored == 0 && RowsRemoved == 0;
}

/// <summary>
/// Repairs the derived rows (agenda index, completion index) after a write was interrupted between the event and
/// its index: bounded work per run, resumable where the last run stopped.
/// </summary>
public interface IIndexReconciler
{
    Task<ReconcileReport> RunAsync(int eventBudget, int rowBudget, CancellationToken cancellationToken);
}

/// <summary>An Idempotency-Key's claim: the event it creates, a hash of the request that claimed it, and when it lapses.</summary>
public sealed record IdempotencyClaim(string EventId, byte[] RequestHash, Instant ExpiresAt, string ConcurrencyToken);

/// <summary>Claims on Idempotency-Keys, written before the event they create.</summary>
public interface IIdempotencyRepository
{
    /// <summary>Claims <paramref name="keyHash"/> for a new event; null when claimed, else the claim that already holds it.</summary>
    Task<IdempotencyClaim?> TryClaimAsync(string keyHash, string eventId, byte[] requestHash, Instant expiresAt, CancellationToken cancellationToken);

    /// <summary>Takes over a lapsed claim; false when someone else changed it first.</summary>
    Task<bool> TryReclaimAsync(string keyHash, IdempotencyClaim lapsed, string eventId, byte[] requestHash, Instant expiresAt, CancellationToken cancellationToken);
}

/// <summary>An event with this id already exists (a concurrent retry of the same request created it).</summary>
public sealed class EventAlreadyExistsException(string id, Exception? inner = null) : Exception($"Event '{id}' already exists.", inner);

/// <summary>A continuation token that this store did not issue for this listing.</summary>
public sealed class InvalidContinuationTokenException(string message) : Exception(message);

/// <summary>The stored event changed between reading it and writing it back.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);
