using NodaTime;

namespace VisitPlanner.Core.Domain;

/// <summary>What an edit does to the items subscribers already have.</summary>
public static class ItineraryChanges
{
    /// <summary>
    /// Removed items remembered at most, newest first: twice an itinerary's limit, so replacing a whole itinerary
    /// twice within the retention is still announced, while an event's stored size stays bounded (docs/storage.md).
    /// </summary>
    public const int MaxRemovedItems = 400;

    /// <summary>
    /// The tombstones after replacing <paramref name="previous"/>'s itinerary with <paramref name="nextItinerary"/>:
    /// items that disappeared are remembered (to be announced as cancelled) for <see cref="Retention.Tombstones"/>;
    /// an item that comes back is live again; older tombstones lapse, and beyond <see cref="MaxRemovedItems"/> the
    /// oldest lapse early.
    /// </summary>
    public static IReadOnlyList<RemovedItem> RemovedItems(VisitEvent previous, IReadOnlyList<ItineraryItem> nextItinerary, int nextRevision, Instant now)
    {
        var live = nextItinerary.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var earlier = previous.RemovedItems.Where(r => !live.Contains(r.Item.Id) && r.RemovedAt + Retention.Tombstones > now);
        var removedNow = previous.Itinerary.Where(i => !live.Contains(i.Id)).Select(i => RemovedItem.Of(i, now, nextRevision));
        var all = earlier.Concat(removedNow).ToArray();
        return all.Length <= MaxRemovedItems ? all : all.Skip(all.Length - MaxRemovedItems).ToArray();
    }
}
