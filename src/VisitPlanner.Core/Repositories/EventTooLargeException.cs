namespace VisitPlanner.Core.Repositories;

/// <summary>The event, as stored, would exceed what the store keeps for one event, even with its tombstones dropped.</summary>
public sealed class EventTooLargeException(string message) : Exception(message);
