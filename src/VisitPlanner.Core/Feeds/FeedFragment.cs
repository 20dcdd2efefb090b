using VisitPlanner.Core.Feeds.Model;

namespace VisitPlanner.Core.Feeds;

/// <summary>The VEVENTs one agenda entry adds to a feed, as written (UTF-8), and the zone spans their VTIMEZONEs must cover.</summary>
public sealed record FeedFragment(byte[] Bytes, IReadOnlyList<ZoneUse> Zones);
