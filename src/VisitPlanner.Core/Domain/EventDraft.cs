using NodaTime;

namespace VisitPlanner.Core.Domain;

/// <summary>What an organizer submits for an event, validated, before the server adds identity, status history and timestamps.</summary>
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
    EventStatus Status);
