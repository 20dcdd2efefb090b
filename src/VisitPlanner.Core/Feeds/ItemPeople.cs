using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// Who an item's VEVENT names, by name and as ATTENDEE: everyone when they are few; otherwise those who lead the event
/// and those on that item alone (a driver on the travel legs), with the rest counted. A delegation of 200 would otherwise
/// repeat 200 names in every VEVENT, and phones sync every one; the page lists everybody.
/// </summary>
public static class ItemPeople
{
    /// <summary>Up to this many people, an item names them all.</summary>
    public const int AllNamedUpTo = 5;

    /// <summary>Everyone taking part in <paramref name="item"/>: the event's participants, then the item's own, each once.</summary>
    public static IReadOnlyList<Participant> Everyone(VisitEvent visit, ItineraryItem item) =>
        visit.Participants.Concat(item.Participants).DistinctBy(p => (p.PersonId, p.PersonId is null ? p.Name : null, p.PersonId is null ? p.Email : null)).ToArray();

    /// <summary>Those named; <see cref="IsEveryone"/> says whether that is all of them.</summary>
    public static IReadOnlyList<Participant> Named(VisitEvent visit, ItineraryItem item)
    {
        var everyone = Everyone(visit, item);
        return everyone.Count <= AllNamedUpTo ? everyone : everyone.Where(p => ParticipantRoles.IsLeader(p) || item.Participants.Contains(p)).ToArray();
    }

    public static bool IsEveryone(VisitEvent visit, ItineraryItem item) => Everyone(visit, item).Count <= AllNamedUpTo;
}
