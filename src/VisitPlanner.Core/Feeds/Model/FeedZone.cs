namespace VisitPlanner.Core.Feeds.Model;

/// <summary>A VTIMEZONE: its TZID and observances.</summary>
public sealed record FeedZone(string TzId, IReadOnlyList<ZoneObservance> Observances);
