namespace VisitPlanner.Core.Repositories;

/// <summary>
/// A stored event whose document this version cannot read (corrupted, or written by a newer schema). Readers that serve
/// many events (feeds, listings, the maintenance timers) leave it out and log it, so one bad row stops nothing else;
/// reading that one event fails with this.
/// </summary>
public sealed class UnreadableEventException(string eventId, string reason, Exception? inner = null)
    : Exception($"Stored event {eventId} cannot be read: {reason}", inner)
{
    public string EventId { get; } = eventId;
}
