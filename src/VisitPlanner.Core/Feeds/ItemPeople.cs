using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// Who an item's VEVENT names, by name and as ATTENDEE: everyone when they are few; otherwise those who lead the event
/// and those on that item alone (a driver on the travel legs), with the rest counted. A delegation of 200 would otherwise
/// repeat 200 names in every VEVENT, and phones sync every one; the page lists everybody. Worked out once per item, or
/// once per event for the items that have no people of their own (<see cref="Of"/> with no item).
/// </summary>
public sealed class ItemPeople
{
    /// <summary>Up to this many people, an item names them all.</summary>
    public const int AllNamedUpTo = 5;

    private ItemPeople(VisitEvent visit, ItineraryItem? item)
    {
        var own = item?.Participants ?? [];
        Everyone = visit.Participants.Concat(own).DistinctBy(p => (p.PersonId, p.PersonId is null ? p.Name : null, p.PersonId is null ? p.Email : null)).ToArray();
        Named = IsEveryone ? Everyone : Everyone.Where(p => ParticipantRoles.IsLeader(p) || own.Contains(p)).ToArray();
    }

    /// <summary>The people of <paramref name="item"/>, or, without one, of the event alone (what every item without people of its own has).</summary>
    public static ItemPeople Of(VisitEvent visit, ItineraryItem? item = null) => new(visit, item);

    /// <summary>Everyone taking part: the event's participants, then the item's own, each once.</summary>
    public IReadOnlyList<Participant> Everyone { get; }

    /// <summary>Those named; <see cref="IsEveryone"/> says whether that is all of them.</summary>
    public IReadOnlyList<Participant> Named { get; }

    public bool IsEveryone => Everyone.Count <= AllNamedUpTo;
}
