namespace VisitPlanner.Core.Domain;

/// <summary>
/// One timed stop of an event: a site visit, a symposium, a travel leg. <see cref="Id"/> is stable across
/// edits so the item's feed UID never changes; <see cref="HasOwnTimeZone"/> says whether the organizer
/// gave the item a zone of its own or it follows the event's.
/// </summary>
public sealed record ItineraryItem(
    string Id,
    string Title,
    ItemTiming Timing,
    Place? Location,
    string? Notes,
    bool HasOwnTimeZone);
