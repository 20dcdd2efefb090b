using NodaTime;

namespace VisitPlanner.Core.Feeds.Model;

/// <summary>A zone a component's times are in, and the instants they span: the feed's VTIMEZONE must cover them.</summary>
public sealed record ZoneUse(DateTimeZone Zone, Instant Earliest, Instant Latest);
