namespace VisitPlanner.Core.Domain;

/// <summary>
/// One timed stop of an event: a site visit, a symposium, a travel leg. <see cref="Id"/> is stable across
/// edits so the item's feed UID never changes; <see cref="HasOwnTimeZone"/> says whether the organizer
/// gave the item a zone of its own or it follows the event's. <see cref="Participants"/> take part in this
/// item only (a driver on the travel legs), in addition to the event's own participants.
/// </summary>
public sealed record ItineraryItem(
    string Id,
    string Title,
    ItemTiming Timing,
    Place? Location,
    string? Notes,
    bool HasOwnTimeZone)
{
    public IReadOnlyList<Participant> Participants { get; init; } = [];

    /// <summary>Where to join online (Tencent Meeting, a livestream), an absolute http(s) URL: CONFERENCE in feeds.</summary>
    public string? OnlineUrl { get; init; }

    /// <summary>Value equality including the participants (a list compares by reference otherwise).</summary>
    public bool Equals(ItineraryItem? other) =>
        other is not null && Id == other.Id && Title == other.Title && Timing == other.Timing && Location == other.Location
        && Notes == other.Notes && HasOwnTimeZone == other.HasOwnTimeZone && Participants.SequenceEqual(other.Participants) && OnlineUrl == other.OnlineUrl;

    public override int GetHashCode() => HashCode.Combine(Id, Title, Timing, Location, Notes, HasOwnTimeZone, Participants.Count);
}
