namespace VisitPlanner.Core.Feeds;

/// <summary>A feed (or one event's part of it) would be larger than the bound it is rendered under.</summary>
public sealed class FeedTooLargeException(long limit) : Exception($"The feed would be larger than {limit:N0} bytes.")
{
    public long Limit { get; } = limit;
}
