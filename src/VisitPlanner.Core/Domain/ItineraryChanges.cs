using NodaTime;

namespace VisitPlanner.Core.Domain;

/// <summary>What an edit does to the items subscribers already have.</summary>
public static class ItineraryChanges
{
    /// <summary>
    /// The tombstones after replacing <paramref name="previous"/>'s itinerary with <paramref name="nextItinerary"/>:
    /// items that disappeared are remembered (to be announced as cancelled) for <see cref="Retention.Tombstones"/>;
    /// an item that comes back is live again; older tombstones lapse.
    /// </summary>
    public static IReadOnlyList<RemovedItem> RemovedItems(VisitEvent previous, IReadOnlyList<ItineraryItem> nextItinerary, int nextRevision, Instant now)
    {
        var live = nextItinerary.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var earlier = previous.RemovedItems.Where(r => !live.Contains(r.Item.Id) && r.RemovedAt + Retention.Tombstones > now);
        var removedNow = previous.Itinerary.Where(i => !live.Contains(i.Id)).Select(i => new RemovedItem(i, now, nextRevision));
        return earlier.Concat(removedNow).ToArray();
    }
}
