namespace VisitPlanner.Core.Domain;

/// <summary>
/// An item taken out of an itinerary, kept for a while so feeds can tell subscribers it is cancelled
/// (clients only drop an entry they are told about).
/// </summary>
public sealed record RemovedItem(ItineraryItem Item, NodaTime.Instant RemovedAt, int Revision);
