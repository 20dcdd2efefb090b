using NodaTime;

namespace VisitPlanner.Core.Domain;

/// <summary>How long things stay visible after they end or go away.</summary>
public static class Retention
{
    /// <summary>Cancelled events and removed items stay in feeds, marked cancelled, this long, so every client hears of it.</summary>
    public static readonly Duration Tombstones = Duration.FromDays(30);

    /// <summary>An event may span at most this long, first start to last end; it bounds index range queries.</summary>
    public static readonly Duration MaxEventSpan = Duration.FromDays(92);
}
