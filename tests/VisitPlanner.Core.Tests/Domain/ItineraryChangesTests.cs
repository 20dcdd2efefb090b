using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Tests.Domain;

public class ItineraryChangesTests
{
    private static readonly Instant Now = Instant.FromUtc(2025, 10, 9, 0, 0);

    [Fact]
    public void ItemsThatDisappearBecomeTombstones()
    {
        var before = TestEvents.Shouyang();
        var kept = before.Itinerary.Where(i => i.Id is not ("tianzhang" or "yuxing-ttc")).ToArray();

        var removed = ItineraryChanges.RemovedItems(before, kept, 2, Now);

        Assert.Equal(["tianzhang", "yuxing-ttc"], removed.Select(r => r.Item.Id));
        Assert.All(removed, r => Assert.Equal((Now, 2), (r.RemovedAt, r.Revision)));
    }

    [Fact]
    public void AnItemThatComesBackIsNoLongerATombstone()
    {
        var before = TestEvents.Shouyang();
        var removed = ItineraryChanges.RemovedItems(before, before.Itinerary.Skip(1).ToArray(), 2, Now);
        var edited = before with { Itinerary = before.Itinerary.Skip(1).ToArray(), RemovedItems = removed, Revision = 2 };

        Assert.Empty(ItineraryChanges.RemovedItems(edited, before.Itinerary, 3, Now));
    }

    [Fact]
    public void TombstonesLapseAfterThirtyDays()
    {
        var before = TestEvents.Shouyang();
        var edited = before with
        {
            Itinerary = before.Itinerary.Skip(1).ToArray(),
            RemovedItems = ItineraryChanges.RemovedItems(before, before.Itinerary.Skip(1).ToArray(), 2, Now),
        };

        Assert.Single(ItineraryChanges.RemovedItems(edited, edited.Itinerary, 3, Now + Duration.FromDays(29)));
        Assert.Empty(ItineraryChanges.RemovedItems(edited, edited.Itinerary, 3, Now + Duration.FromDays(30)));
    }
}
