using System.Text.Json;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Domain.Recurrence;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Holidays;
using VisitPlanner.Core.Import;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Core.Services;

/// <summary>
/// The event lifecycle: post, read, replace (guarded by If-Match), cancel, list. Validation happens in
/// full before anything is written, and the repository writes each event atomically.
/// </summary>
public sealed class EventService(
    IEventRepository events, IAgendaRepository agendas, ICalendarRepository calendars, IPersonRepository people,
    IIdempotencyRepository idempotency, HolidayService holidays, SeriesService series, FeedCache cache, IClock clock)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>How long an Idempotency-Key is remembered.</summary>
    public static readonly Duration IdempotencyWindow = Duration.FromHours(24);

    /// <summary>How many people or calendars an event write looks up at once.</summary>
    public const int LookupConcurrency = 16;

    /// <summary>
    /// A created event, and whether it was created by an earlier request with the same Idempotency-Key (then it is the
    /// event as it is now, which later edits may have changed). <see cref="Warnings"/>: what this request's body was read as.
    /// </summary>
    public sealed record Created(VisitEvent Event, bool Replayed, IReadOnlyList<FieldWarning> Warnings);

    /// <summary>A replaced event, and what the body was read as where that differs from how it was sent.</summary>
    public sealed record Saved(VisitEvent Event, IReadOnlyList<FieldWarning> Warnings);

    /// <summary>
    /// Posts an event. With an <paramref name="idempotencyKey"/>, a retry of the same request returns the event the
    /// first one created, as it is now (even if that one died halfway, whose index the retry completes), and the same
    /// key with another body is refused (422).
    /// </summary>
    public async Task<Outcome<Created>> CreateAsync(JsonElement body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && IdempotencyKeys.Problem(idempotencyKey) is { } keyProblem) return Problem.Invalid("Idempotency-Key", keyProblem);
        var reading = await ReadDraftAsync(body, cancellationToken);
        if (reading.Draft is not { } draft) return Problem.Invalid(reading.Errors);
        var settled = await SettleAsync(reading, cancellationToken);
        if (settled.Problem is { } seriesProblem) return seriesProblem;
        var (holidayAdjustments, warnings) = settled.Value;
        var now = Clocks.Now(clock);
        var id = Identifier.NewId();
        if (idempotencyKey is not null)
        {
            var claim = await ClaimAsync(idempotencyKey, id, body, now, cancellationToken);
            if (claim.Problem is { } claimProblem) return claimProblem;
            id = claim.Value!;
            if (await events.GetAsync(id, cancellationToken) is { } earlier) return await ReplayAsync(earlier.Event, warnings, cancellationToken);
        }
        var visit = draft.ToEvent(id, revision: 1, createdAt: now, updatedAt: now, holidayAdjustments);
        if (visit.Lecture is { SeriesId: not null } lecture)
        {
            // Numbered last, once everything else is known to be right: a number is never given to a post that fails its checks.
            var numbered = await series.NumberAsync(lecture, id, cancellationToken);
            if (numbered.Problem is { } numberProblem) return numberProblem;
            visit = visit with { Lecture = numbered.Value };
        }
        if (EventFeedLimit.Check(visit, Today(visit, now)) is { } tooLarge) return tooLarge;
        try
        {
            await events.CreateAsync(visit, cancellationToken);
        }
        catch (EventAlreadyExistsException) when (idempotencyKey is not null)
        {
            // A concurrent retry with the same key got there first.
            return await ReplayAsync((await events.GetAsync(id, cancellationToken))!.Event, warnings, cancellationToken);
        }
        catch (EventTooLargeException e)
        {
            return Problem.TooLarge("$", e.Message);
        }
        Invalidate(visit);
        return new Created(visit, Replayed: false, warnings);
    }

    /// <summary>
    /// A retry of a create that already happened: the first attempt may have died after writing the event and before its
    /// index, so the index is brought to the event's state before answering, and the event is answered as it is now.
    /// </summary>
    private async Task<Created> ReplayAsync(VisitEvent existing, IReadOnlyList<FieldWarning> warnings, CancellationToken cancellationToken)
    {
        await events.RepairIndexAsync(existing, cancellationToken);
        Invalidate(existing);
        return new Created(existing, Replayed: true, warnings);
    }

    /// <summary>The event id this key stands for: a new one, or the one an earlier identical request claimed.</summary>
    private async Task<Outcome<string>> ClaimAsync(string key, string newId, JsonElement body, Instant now, CancellationToken cancellationToken)
    {
        var keyHash = IdempotencyKeys.Hash(key);
        var requestHash = IdempotencyKeys.Hash(body);
        var expires = now + IdempotencyWindow;
        var existing = await idempotency.TryClaimAsync(keyHash, newId, requestHash, expires, cancellationToken);
        if (existing is null) return newId;
        if (existing.ExpiresAt <= now)
        {
            return await idempotency.TryReclaimAsync(keyHash, existing, newId, requestHash, expires, cancellationToken)
                ? newId
                : Problem.Conflict("Another request with this Idempotency-Key is in progress; retry it.");
        }
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(existing.RequestHash, requestHash))
            return new Problem(422, "Idempotency-Key reused", "This Idempotency-Key was used with a different body in the last 24 hours; use a new key for a new request.",
                [new FieldError("Idempotency-Key", "was already used with a different body")]);
        return existing.EventId;
    }

    public async Task<Outcome<VisitEvent>> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(id) is { } idProblem) return Problem.Invalid("id", idProblem);
        var stored = await events.GetAsync(id, cancellationToken);
        return stored is null ? Problem.NotFound($"Event '{id}'") : stored.Event;
    }

    /// <param name="eventPath">Where the event is read (for the 428 that tells how to get its ETag).</param>
    public async Task<Outcome<Saved>> ReplaceAsync(string id, JsonElement body, EditPrecondition precondition, string eventPath, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(id) is { } idProblem) return Problem.Invalid("id", idProblem);
        if (BodyIdentity.Contradicts(body, id)) return Problem.Invalid("id", $"does not match the event id '{id}' in the URL");
        var stored = await events.GetAsync(id, cancellationToken);
        if (stored is null) return Problem.NotFound($"Event '{id}'");
        // A replacement without If-Match would silently overwrite whatever someone else saved meanwhile.
        if (!precondition.Given) return Problem.PreconditionRequired(eventPath);
        if (!precondition.AdmitsRevision(stored.Event.Revision)) return Problem.PreconditionFailed(stored.Event.Revision);
        // Only now look up the calendars and people the body names: a missing event or stale ETag needs none of it.
        var reading = await ReadDraftAsync(body, cancellationToken);
        if (reading.Draft is not { } draft) return Problem.Invalid(reading.Errors);
        if (stored.Event.Status == EventStatus.Cancelled)
            return Problem.Conflict($"Event '{id}' is cancelled and can no longer be changed; post a new event instead.");
        var settled = await SettleAsync(reading, cancellationToken);
        if (settled.Problem is { } seriesProblem) return seriesProblem;
        var (holidayAdjustments, warnings) = settled.Value;
        var current = stored.Event;
        if (SessionChange(current.Lecture, draft.Lecture) is { } sessionProblem) return sessionProblem;
        var now = Clocks.Now(clock);
        var next = draft.ToEvent(id, current.Revision + 1, current.CreatedAt, now, holidayAdjustments) with
        {
            RemovedItems = ItineraryChanges.RemovedItems(current, draft.Itinerary, current.Revision + 1, now),
            // Where it was imported from is the import's to say, not the body's.
            Source = current.Source,
            // A session keeps its series and number: the body may repeat them, not change them.
            Lecture = current.Lecture is { SeriesId: not null } session
                ? (draft.Lecture ?? new Lecture(null, null, null)) with { SeriesId = session.SeriesId, Series = session.Series, SessionNumber = session.SessionNumber, NumberFormat = session.NumberFormat }
                : draft.Lecture,
        };
        // A body without a status keeps the event's; a completed event moved into the future is open again.
        next = next with { Status = draft.Status ?? (current.Status == EventStatus.Completed && next.EndsAt > now ? EventStatus.Confirmed : current.Status) };
        if (next.SameContentAs(current)) return new Saved(current, warnings);
        if (EventFeedLimit.Check(next, Today(next, now)) is { } tooLarge) return tooLarge;
        try
        {
            return new Saved(await SaveAsync(stored, next, cancellationToken), warnings);
        }
        catch (ConcurrencyConflictException)
        {
            // Someone else's write landed between our read and ours: theirs stands, and this If-Match is now stale.
            var latest = await events.GetAsync(id, cancellationToken);
            return latest is null ? Problem.NotFound($"Event '{id}'") : Problem.PreconditionFailed(latest.Event.Revision);
        }
        catch (EventTooLargeException e)
        {
            return Problem.TooLarge("$", e.Message);
        }
    }

    /// <summary>
    /// Changes a stored event by <paramref name="change"/> (which returns the changed event, the same one for no change,
    /// or a problem), as a new revision written under <paramref name="precondition"/>: the occurrence edits' way in.
    /// </summary>
    /// <param name="eventPath">Where the event is read, for the 428 when If-Match is required and missing.</param>
    public async Task<Outcome<VisitEvent>> ReviseAsync(string id, EditPrecondition precondition, bool requirePrecondition, string eventPath,
        Func<VisitEvent, Outcome<VisitEvent>> change, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(id) is { } idProblem) return Problem.Invalid("id", idProblem);
        for (var attempt = 1; ; attempt++)
        {
            var revised = await TryReviseAsync(id, precondition, requirePrecondition, eventPath, change, cancellationToken);
            // Without If-Match (or with *) the change is unconditional: a write that raced it is read again, as for a cancel.
            if (revised is { Lost: true } && (!precondition.Given || precondition.AnyVersion) && attempt < CancelAttempts) continue;
            return revised.Outcome;
        }
    }

    private async Task<(Outcome<VisitEvent> Outcome, bool Lost)> TryReviseAsync(string id, EditPrecondition precondition, bool requirePrecondition, string eventPath,
        Func<VisitEvent, Outcome<VisitEvent>> change, CancellationToken cancellationToken)
    {
        var stored = await events.GetAsync(id, cancellationToken);
        if (stored is null) return (Problem.NotFound($"Event '{id}'"), false);
        if (requirePrecondition && !precondition.Given) return (Problem.PreconditionRequired(eventPath), false);
        if (!precondition.AdmitsRevision(stored.Event.Revision)) return (Problem.PreconditionFailed(stored.Event.Revision), false);
        if (stored.Event.Status == EventStatus.Cancelled)
            return (Problem.Conflict($"Event '{id}' is cancelled and can no longer be changed; post a new event instead."), false);
        var changed = change(stored.Event);
        if (changed.Problem is { } problem) return (problem, false);
        var current = stored.Event;
        if (changed.Value!.SameContentAs(current)) return (current, false);
        var now = Clocks.Now(clock);
        var next = changed.Value with { Revision = current.Revision + 1, UpdatedAt = now };
        if (EventFeedLimit.Check(next, Today(next, now)) is { } tooLarge) return (tooLarge, false);
        try
        {
            return (await SaveAsync(stored, next, cancellationToken), false);
        }
        catch (ConcurrencyConflictException)
        {
            var latest = await events.GetAsync(id, cancellationToken);
            return (latest is null ? Problem.NotFound($"Event '{id}'") : Problem.PreconditionFailed(latest.Event.Revision), true);
        }
        catch (EventTooLargeException e)
        {
            return (Problem.TooLarge("$", e.Message), false);
        }
    }

    /// <summary>
    /// Writes an imported entry as the event <paramref name="id"/> (derived from its source UID, so importing the same file
    /// or a later export again finds it): created when new, replaced when its content changed, left alone when not. The
    /// body is read as an organizer's would be; a problem is the entry's reason to be skipped. <paramref name="dryRun"/>
    /// does everything but write.
    /// </summary>
    public async Task<Outcome<(ImportResult Result, VisitEvent Event, IReadOnlyList<FieldWarning> Warnings)>> ImportAsync(
        string id, JsonElement body, ImportSource source, bool dryRun, CancellationToken cancellationToken)
    {
        // The entry says what it said when last imported: nothing to read, look up or settle, and edits made here since
        // stand. An organizer's cancellation or a completed event stands too, whatever the source says.
        var stored = await events.GetAsync(id, cancellationToken);
        if (stored is { Event: var known } && (known.Source?.ContentHash == source.ContentHash || !known.Status.IsOpen()))
            return (ImportResult.Unchanged, known, []);
        var reading = await ReadDraftAsync(body, cancellationToken);
        if (reading.Draft is not { } draft) return Problem.Invalid(reading.Errors);
        var settled = await SettleAsync(reading, cancellationToken);
        if (settled.Problem is { } seriesProblem) return seriesProblem;
        var (holidayAdjustments, warnings) = settled.Value;
        var now = Clocks.Now(clock);
        if (stored is null)
        {
            var created = draft.ToEvent(id, revision: 1, createdAt: now, updatedAt: now, holidayAdjustments) with { Source = source };
            if (EventFeedLimit.Check(created, Today(created, now)) is { } tooLarge) return tooLarge;
            if (dryRun) return (ImportResult.Created, created, warnings);
            try
            {
                await events.CreateAsync(created, cancellationToken);
            }
            catch (EventAlreadyExistsException)
            {
                return Problem.Conflict($"Event '{id}' was created by another import of the same entry meanwhile; import again.");
            }
            catch (EventTooLargeException e)
            {
                return Problem.TooLarge("$", e.Message);
            }
            Invalidate(created);
            return (ImportResult.Created, created, warnings);
        }
        var current = stored.Event;
        var next = draft.ToEvent(id, current.Revision + 1, current.CreatedAt, now, holidayAdjustments) with
        {
            RemovedItems = ItineraryChanges.RemovedItems(current, draft.Itinerary, current.Revision + 1, now),
            Source = source,
            Status = draft.Status ?? current.Status,
        };
        if (next.SameContentAs(current)) return (ImportResult.Unchanged, current, warnings);
        if (EventFeedLimit.Check(next, Today(next, now)) is { } nextTooLarge) return nextTooLarge;
        if (dryRun) return (ImportResult.Updated, next, warnings);
        try
        {
            return (ImportResult.Updated, await SaveAsync(stored, next, cancellationToken), warnings);
        }
        catch (ConcurrencyConflictException)
        {
            return Problem.Conflict($"Event '{id}' changed while it was being imported; import again.");
        }
        catch (EventTooLargeException e)
        {
            return Problem.TooLarge("$", e.Message);
        }
    }

    /// <summary>
    /// Cancels an event an earlier import brought in, when the source now cancels it; true when it was open (or, with
    /// <paramref name="dryRun"/>, would be cancelled). Events not imported from that entry are never touched.
    /// </summary>
    public async Task<bool> CancelImportedAsync(string id, bool dryRun, CancellationToken cancellationToken)
    {
        if (await events.GetAsync(id, cancellationToken) is not { Event: { Source: not null } visit } || !visit.Status.IsOpen()) return false;
        if (dryRun) return true;
        var cancelled = await CancelAsync(id, EditPrecondition.None, cancellationToken);
        return cancelled.Problem is null;
    }

    /// <summary>How often a cancel without If-Match re-reads and retries when another write lands between its read and its write.</summary>
    public const int CancelAttempts = 5;

    /// <summary>
    /// Cancels the event: it stays stored (and in feeds, marked cancelled) so subscribers learn of it. Without If-Match
    /// (or with <c>*</c>) a cancel is unconditional and idempotent: cancelling a cancelled event is a no-op, and a write
    /// racing it is retried, never answered with a 412 about a header the client did not send.
    /// </summary>
    public async Task<Outcome<VisitEvent>> CancelAsync(string id, EditPrecondition precondition, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(id) is { } idProblem) return Problem.Invalid("id", idProblem);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await events.GetAsync(id, cancellationToken);
            if (stored is null) return Problem.NotFound($"Event '{id}'");
            if (!precondition.AdmitsRevision(stored.Event.Revision)) return Problem.PreconditionFailed(stored.Event.Revision);
            if (stored.Event.Status == EventStatus.Cancelled) return stored.Event;
            var next = stored.Event with { Status = EventStatus.Cancelled, Revision = stored.Event.Revision + 1, UpdatedAt = Clocks.Now(clock) };
            try
            {
                return await SaveAsync(stored, next, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (!precondition.Given || precondition.AnyVersion)
            {
                if (attempt == CancelAttempts)
                    return Problem.Conflict($"Event '{id}' changed {CancelAttempts} times while it was being cancelled; retry the cancel.");
            }
            catch (ConcurrencyConflictException)
            {
                var latest = await events.GetAsync(id, cancellationToken);
                return latest is null ? Problem.NotFound($"Event '{id}'") : Problem.PreconditionFailed(latest.Event.Revision);
            }
        }
    }

    public async Task<Outcome<EventListingPage>> ListAsync(string? calendarId, string? from, string? to, string? continuationToken, string? pageSize, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(calendarId)) return Problem.Invalid("calendar", "is required: events are listed per calendar (?calendar=ID)");
        if (Identifier.Problem(calendarId) is { } idProblem) return Problem.Invalid("calendar", idProblem);
        var size = DefaultPageSize;
        if (pageSize is not null && (!int.TryParse(pageSize, out size) || size is < 1 or > MaxPageSize))
            return Problem.Invalid("pageSize", $"must be a whole number from 1 to {MaxPageSize}");
        var calendar = await calendars.GetAsync(calendarId, cancellationToken);
        if (calendar is null) return Problem.NotFound($"Calendar '{calendarId}'");
        var window = QueryParameters.Window(from, to, calendar.TimeZone);
        if (window.Problem is { } windowProblem) return windowProblem;
        try
        {
            var page = await agendas.ListAsync(AgendaKey.Calendar(calendarId), window.Value, includeWithdrawn: false, continuationToken, size, cancellationToken);
            // A series is listed once, with its occurrences in the window, and not at all where none falls in it.
            return page with
            {
                Entries = page.Entries.Where(e => e.Event.Recurrence is null || e.Event.Occurrences.Any(o => window.Value.Overlaps(o.StartsAt, o.EndsAt))).ToArray(),
                Window = window.Value,
            };
        }
        catch (InvalidContinuationTokenException e)
        {
            return Problem.Invalid("continuationToken", e.Message);
        }
    }

    /// <summary>
    /// Writes <paramref name="next"/> over <paramref name="stored"/> and returns it as stored; throws
    /// <see cref="ConcurrencyConflictException"/> when another write came first.
    /// </summary>
    private async Task<VisitEvent> SaveAsync(StoredEvent stored, VisitEvent next, CancellationToken cancellationToken)
    {
        var saved = await events.ReplaceAsync(stored, next, cancellationToken);
        Invalidate(stored.Event);
        Invalidate(saved);
        return saved;
    }

    /// <summary>
    /// Why a replacement may not say what it says of series and number: a session's series and number stay (they were
    /// claimed when it was posted), and an event joins a series only when posted.
    /// </summary>
    private static Problem? SessionChange(Lecture? current, Lecture? sent)
    {
        if (current is { SeriesId: { } seriesId })
        {
            if (sent?.SeriesId is { } other && other != seriesId) return Problem.Conflict($"The event is session {current.SessionNumber} of series '{seriesId}' and stays in it; post a new event for another series.");
            if (sent?.SessionNumber is { } number && number != current.SessionNumber)
                return Problem.Conflict($"The event keeps its number {current.SessionNumber} of series '{seriesId}'; a cancelled session keeps its number too, so cancel it and post a new one instead.");
            return null;
        }
        return sent?.SeriesId is { } joined ? Problem.Conflict($"An event is numbered in series '{joined}' when it is posted; post it anew with seriesId.") : null;
    }

    /// <summary>
    /// For a series, its holiday adjustments by the working calendar as loaded now, and the reading's warnings with what
    /// the calendar could not say; for a single event, none and the warnings as they are.
    /// </summary>
    private async Task<Outcome<(HolidayAdjustments? Series, IReadOnlyList<FieldWarning> Warnings)>> SettleAsync(EventReading reading, CancellationToken cancellationToken)
    {
        var draft = reading.Draft!;
        if (draft.Recurrence is null) return (null, reading.Warnings);
        var warnings = reading.Warnings.ToList();
        var settled = SeriesHolidays.Settle(draft, await holidays.CalendarAsync(cancellationToken), warnings);
        if (settled.Problem is { } problem) return problem;
        return (settled.Value, warnings);
    }

    private async Task<EventReading> ReadDraftAsync(JsonElement body, CancellationToken cancellationToken)
    {
        // Over the cap the reader refuses the body: look nobody up then, so a huge list costs no reads.
        var personIds = EventJsonReader.PeekPersonIds(body);
        if (personIds.Count > EventJsonReader.MaxPeople) personIds = [];
        var knownCalendars = (await LookUpAsync(EventJsonReader.PeekCalendarIds(body), calendars.GetAsync, cancellationToken)).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var knownPeople = (await LookUpAsync(personIds, people.GetAsync, cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        return EventJsonReader.ReadDraft(body, knownCalendars, knownPeople, () => Identifier.NewId(10));
    }

    /// <summary>The ones of <paramref name="ids"/> that exist, read at most <see cref="LookupConcurrency"/> at a time.</summary>
    private static async Task<IReadOnlyList<T>> LookUpAsync<T>(IReadOnlyList<string> ids, Func<string, CancellationToken, Task<T?>> read, CancellationToken cancellationToken)
        where T : class
    {
        var found = new T?[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = LookupConcurrency, CancellationToken = cancellationToken },
            async (i, token) => found[i] = await read(ids[i], token));
        return found.OfType<T>().ToArray();
    }

    private static LocalDate Today(VisitEvent visit, Instant now) => now.InZone(visit.TimeZone).Date;

    /// <summary>Feeds this instance serves for the event's calendars and people re-read their version now.</summary>
    private void Invalidate(VisitEvent visit)
    {
        foreach (var calendar in visit.Calendars) cache.Invalidate(AgendaKey.Calendar(calendar));
        foreach (var person in visit.PersonIds) cache.Invalidate(AgendaKey.Person(person));
    }
}
