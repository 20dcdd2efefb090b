using NodaTime;
using VisitPlanner.Core.Domain.Recurrence;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// A trip, lecture, visit, meeting or inspection with its itinerary. Immutable: every change makes a new
/// value with a higher <see cref="Revision"/>, which feeds publish as SEQUENCE and the API as the ETag.
/// </summary>
public sealed record VisitEvent
{
    public required string Id { get; init; }
    public required EventKind Kind { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required DateTimeZone TimeZone { get; init; }
    public required IReadOnlyList<string> Calendars { get; init; }
    public required Organizer Organizer { get; init; }
    public required IReadOnlyList<Participant> Participants { get; init; }
    public required IReadOnlyList<ItineraryItem> Itinerary { get; init; }
    public Lecture? Lecture { get; init; }

    /// <summary>How the event repeats; null for a single event. The itinerary is then the template of one occurrence.</summary>
    public EventRecurrence? Recurrence { get; init; }

    /// <summary>Where an imported event came from (its iCalendar UID), so a later import updates it rather than adding another.</summary>
    public ImportSource? Source { get; init; }

    /// <summary>Items removed by recent edits, announced in feeds as cancelled until <see cref="Retention.Tombstones"/> passes.</summary>
    public IReadOnlyList<RemovedItem> RemovedItems { get; init; } = [];
    public required EventStatus Status { get; init; }
    public required int Revision { get; init; }
    public required Instant CreatedAt { get; init; }
    public required Instant UpdatedAt { get; init; }

    /// <summary>When the first item starts; for a series, of its first occurrence (the template), whether or not it takes place.</summary>
    public Instant StartsAt => Recurrence is null
        ? Itinerary.Min(i => i.Timing.StartInstant)
        : Instant.Min(Itinerary.Min(i => i.Timing.StartInstant), SeriesExpansion.Of(this).Min(o => o.StartsAt));

    /// <summary>When the last item ends; for a series, of the occurrence that ends last, moved and overridden ones included.</summary>
    public Instant EndsAt => Recurrence is null
        ? Itinerary.Max(i => i.Timing.EndInstant)
        : Instant.Max(Itinerary.Max(i => i.Timing.EndInstant), SeriesExpansion.Of(this).Max(o => o.EndsAt));

    /// <summary>The occurrences of a series (<see cref="SeriesExpansion"/>); empty for a single event.</summary>
    public IReadOnlyList<Occurrence> Occurrences => SeriesExpansion.Of(this);

    /// <summary>Everyone linked to a <see cref="Person"/>, at event or item level: whose personal feeds show this event.</summary>
    public IReadOnlyList<string> PersonIds =>
        Participants.Concat(Itinerary.SelectMany(i => i.Participants)).Concat(RemovedItems.SelectMany(r => r.Item.Participants))
            .Select(p => p.PersonId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Whether the two say the same, whatever their revisions and times: a replacement that changes nothing is not a
    /// change (no new revision, SEQUENCE or ETag, nothing written).
    /// </summary>
    public bool SameContentAs(VisitEvent other) =>
        Id == other.Id && Kind == other.Kind && Title == other.Title && Description == other.Description && TimeZone == other.TimeZone
        && Calendars.SequenceEqual(other.Calendars) && Organizer == other.Organizer && Participants.SequenceEqual(other.Participants)
        && Itinerary.SequenceEqual(other.Itinerary) && Lecture == other.Lecture && Recurrence == other.Recurrence && Source == other.Source && RemovedItems.SequenceEqual(other.RemovedItems) && Status == other.Status;

    /// <summary>Whether <paramref name="personId"/> takes part in <paramref name="item"/>: in the whole event, or in that item.</summary>
    public bool Attends(string personId, ItineraryItem item) =>
        Participants.Any(p => p.PersonId == personId) || item.Participants.Any(p => p.PersonId == personId);
}
