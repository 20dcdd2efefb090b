using System.Text.Json;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Domain.Recurrence;
using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Services;

/// <summary>
/// A series' single occurrences: listed with their instants and what changed them, cancelled, or overridden. Each edit
/// is an exception on the event, named by the occurrence's original date, and a new revision of the event.
/// </summary>
public sealed class OccurrenceService(EventService events)
{
    public sealed record Listed(VisitEvent Event, IReadOnlyList<Occurrence> Occurrences);

    public sealed record Edited(VisitEvent Event, Occurrence Occurrence);

    public async Task<Outcome<Listed>> ListAsync(string id, string? from, string? to, CancellationToken cancellationToken)
    {
        var read = await events.GetAsync(id, cancellationToken);
        if (read.Problem is { } problem) return problem;
        var visit = read.Value!;
        if (visit.Recurrence is null) return NotRecurring(visit);
        var window = QueryParameters.Window(from, to, visit.TimeZone);
        if (window.Problem is { } windowProblem) return windowProblem;
        return new Listed(visit, visit.Occurrences.Where(o => window.Value.Overlaps(o.StartsAt, o.EndsAt)).ToArray());
    }

    /// <summary>Cancels the occurrence, or overrides it, by the body; If-Match is required, as for a replacement of the event.</summary>
    public async Task<Outcome<Edited>> PutAsync(string id, string date, JsonElement body, EditPrecondition precondition, string eventPath, CancellationToken cancellationToken)
    {
        if (ParseDate(date) is not { } original) return BadDate(date);
        var revised = await events.ReviseAsync(id, precondition, requirePrecondition: true, eventPath, visit =>
        {
            if (Check(visit, original) is { } problem) return problem;
            if (OccurrenceJson.RestoresTemplate(body)) return Without(visit, original);
            var (exception, errors) = OccurrenceJson.ReadException(body, original, visit.Itinerary);
            if (exception is null) return Problem.Invalid(errors);
            return With(visit, exception);
        }, cancellationToken);
        return Answer(revised, original);
    }

    /// <summary>Cancels the occurrence: idempotent, and without If-Match unconditional, like cancelling an event.</summary>
    public async Task<Outcome<Edited>> CancelAsync(string id, string date, EditPrecondition precondition, string eventPath, CancellationToken cancellationToken)
    {
        if (ParseDate(date) is not { } original) return BadDate(date);
        var revised = await events.ReviseAsync(id, precondition, requirePrecondition: false, eventPath, visit =>
            Check(visit, original) ?? (Outcome<VisitEvent>)With(visit, new OccurrenceException(original, Cancelled: true)), cancellationToken);
        return Answer(revised, original);
    }

    private static Outcome<Edited> Answer(Outcome<VisitEvent> revised, LocalDate original)
    {
        if (revised.Problem is { } problem) return problem;
        var visit = revised.Value!;
        return new Edited(visit, visit.Occurrences.First(o => o.OriginalDate == original));
    }

    private static Problem? Check(VisitEvent visit, LocalDate original)
    {
        if (visit.Recurrence is null) return NotRecurring(visit);
        var dates = visit.Occurrences.Select(o => o.OriginalDate).ToArray();
        return dates.Contains(original) ? null : Problem.Invalid("date", SeriesHolidays.NotAnOccurrence(original, dates));
    }

    /// <summary>The event with <paramref name="exception"/> in place of any other on its date.</summary>
    private static VisitEvent With(VisitEvent visit, OccurrenceException exception)
    {
        var recurrence = visit.Recurrence!;
        var exceptions = recurrence.Exceptions.Where(e => e.Date != exception.Date).Append(exception).OrderBy(e => e.Date).ToArray();
        return visit with { Recurrence = recurrence with { Exceptions = exceptions } };
    }

    /// <summary>The event without any exception on <paramref name="date"/>: that occurrence as the template and holidays say.</summary>
    private static VisitEvent Without(VisitEvent visit, LocalDate date)
    {
        var recurrence = visit.Recurrence!;
        return visit with { Recurrence = recurrence with { Exceptions = recurrence.Exceptions.Where(e => e.Date != date).ToArray() } };
    }

    private static Problem NotRecurring(VisitEvent visit) =>
        Problem.Conflict($"Event '{visit.Id}' does not repeat, so it has no occurrences; give it a recurrence with PUT /api/events/{visit.Id}.");

    private static LocalDate? ParseDate(string text) => text.Length == 10 && TimeInput.Parse(text) is TimeInput.Date date ? date.Value : null;

    private static Problem BadDate(string text) => Problem.Invalid("date", $"'{text}' is not a date such as 2026-10-05 (an occurrence is named by its original date)");
}
