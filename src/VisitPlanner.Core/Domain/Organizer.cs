namespace VisitPlanner.Core.Domain;

/// <summary>Who runs an event.</summary>
public sealed record Organizer(string Name, string? Organization = null, string? Email = null);
