using VisitPlanner.Core.Caching;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// The events this instance has written into feeds, by <see cref="FragmentKey"/>, so that a feed whose agenda changed
/// writes only the events that changed and copies the rest: bounded by <see cref="FeedOptions.FragmentMegabytes"/>,
/// those written or used longest ago going first.
/// </summary>
public sealed class FeedFragments(FeedOptions options)
{
    /// <summary>What a fragment costs besides its bytes (its key, its zone spans, the entry), so that empty ones are bounded too.</summary>
    private const int Overhead = 256;

    private readonly SizeBoundedCache<FragmentKey, FeedFragment> _fragments =
        new((long)options.FragmentMegabytes * 1024 * 1024, fragment => fragment.Bytes.Length + Overhead);

    public bool TryGet(FragmentKey key, out FeedFragment fragment) => _fragments.TryGetValue(key, out fragment);

    public void Keep(FragmentKey key, FeedFragment fragment) => _fragments.Set(key, fragment);

    /// <summary>The bytes kept, with <see cref="Overhead"/> for each fragment.</summary>
    public long Bytes => _fragments.Bytes;

    public int Count => _fragments.Count;
}
