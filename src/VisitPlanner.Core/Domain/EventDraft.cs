using NodaTime;
using VisitPlanner.Core.Domain.Recurrence;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// What an organizer submits for an event, validated, before the server adds identity, status history and timestamps.
/// <see cref="Status"/> is null when the body sets none: a new event is confirmed, a replaced one keeps its status.
/// </summary>
public sealed record EventDraft(
    EventKind Kind,
    string Title,
    string? Description,
    DateTimeZone TimeZone,
    IReadOnlyList<string> Calendars,
    Organizer Organizer,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<ItineraryItem> Itinerary,
    Lecture? Lecture,
    EventStatus? Status)
{
    /// <summary>How it repeats, as given; null for a single event. Holidays are settled by the service, which knows the calendar.</summary>
    public RecurrenceRule? Recurrence { get; init; }

    /// <summary>The organizer's cancellations and overrides of single occurrences, by original date.</summary>
    public IReadOnlyList<OccurrenceException> Exceptions { get; init; } = [];

    /// <summary>The event this draft describes, with the identity, revision and times the server gives it.</summary>
    public VisitEvent ToEvent(string id, int revision, NodaTime.Instant createdAt, NodaTime.Instant updatedAt, HolidayAdjustments? holidays = null) => new()
    {
        Id = id,
        Kind = Kind,
        Title = Title,
        Description = Description,
        TimeZone = TimeZone,
        Calendars = Calendars,
        Organizer = Organizer,
        Participants = Participants,
        Itinerary = Itinerary,
        Lecture = Lecture,
        Recurrence = Recurrence is { } rule ? new EventRecurrence(rule, holidays ?? throw new ArgumentNullException(nameof(holidays)), Exceptions) : null,
        Status = Status ?? EventStatus.Confirmed,
        Revision = revision,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };
}
