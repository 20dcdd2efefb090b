namespace VisitPlanner.Core.Feeds;

/// <summary>How feeds are cached and bounded per instance, bound from configuration section <c>VisitPlanner:Feeds</c>.</summary>
public sealed class FeedOptions
{
    /// <summary>How long an instance trusts an agenda's version before reading it again: the bound on how late another instance's change shows.</summary>
    public double VersionCheckSeconds { get; set; } = 5;

    /// <summary>
    /// Rendered feeds kept per instance, in megabytes, each counted whole, though the feeds of one agenda share their
    /// events' bytes with each other and with <see cref="FragmentMegabytes"/>.
    /// </summary>
    public int RenderedMegabytes { get; set; } = 64;

    /// <summary>
    /// Written events kept per instance, in megabytes (<see cref="FeedFragments"/>): a feed whose agenda changed
    /// re-writes only the events that changed.
    /// </summary>
    public int FragmentMegabytes { get; set; } = 64;

    /// <summary>Agenda heads kept per instance (one per agenda and subscription in use).</summary>
    public int MaxHeads { get; set; } = 20_000;

    /// <summary>The largest feed served, in megabytes: a window holding more is refused with a problem saying to narrow it.</summary>
    public int MaxFeedMegabytes { get; set; } = 16;

    /// <summary>Feeds rendered at once per instance; further renders wait their turn.</summary>
    public int MaxConcurrentRenders { get; set; } = 4;

    /// <summary>How long a render waits for its turn before the poll is answered 503 with Retry-After.</summary>
    public double RenderWaitSeconds { get; set; } = 10;

    public long MaxFeedBytes => (long)MaxFeedMegabytes * 1024 * 1024;
}
