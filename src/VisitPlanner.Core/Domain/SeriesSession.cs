namespace VisitPlanner.Core.Domain;

/// <summary>A number of a series and the event that holds it.</summary>
public sealed record SeriesSession(int Number, string EventId);
