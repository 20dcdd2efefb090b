namespace VisitPlanner.Core.Feeds;

/// <summary>Tuning for <see cref="FeedCache"/>, bound from configuration section <c>VisitPlanner:Feeds</c>.</summary>
public sealed class FeedCacheOptions
{
    /// <summary>How long an instance trusts an agenda's version before reading it again: the bound on how late another instance's change shows.</summary>
    public double VersionCheckSeconds { get; set; } = 5;

    /// <summary>Rendered feeds kept per instance, in megabytes.</summary>
    public int RenderedMegabytes { get; set; } = 64;

    /// <summary>Agenda heads kept per instance (one per agenda and subscription in use).</summary>
    public int MaxHeads { get; set; } = 20_000;
}
