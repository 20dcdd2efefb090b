using NodaTime;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// An item taken out of an itinerary, kept for a while so feeds can tell subscribers it is cancelled (clients only drop
/// an entry they are told about). Only what a cancelled entry shows is kept: title, times and place, and who had it in
/// their personal feed; notes and the item's other people are not, so tombstones stay small.
/// </summary>
public sealed record RemovedItem(ItineraryItem Item, Instant RemovedAt, int Revision)
{
    public static RemovedItem Of(ItineraryItem item, Instant removedAt, int revision) => new(
        item with
        {
            Notes = null,
            Participants = item.Participants.Where(p => p.PersonId is not null).Select(p => new Participant(p.Name, PersonId: p.PersonId)).ToArray(),
        },
        removedAt, revision);
}
