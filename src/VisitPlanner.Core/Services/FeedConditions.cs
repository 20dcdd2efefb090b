using NodaTime;

namespace VisitPlanner.Core.Services;

/// <summary>
/// A poll's conditional headers, parsed by the host: the entity tags of <c>If-None-Match</c> (opaque values, weak or
/// strong alike, since it compares weakly) or <c>*</c>, and <c>If-Modified-Since</c>, which counts only without
/// <c>If-None-Match</c> (RFC 9110 section 13.2.2).
/// </summary>
public sealed record FeedConditions(IReadOnlyList<string> NoneMatch, bool NoneMatchAny, Instant? ModifiedSince)
{
    public static readonly FeedConditions None = new([], false, null);

    /// <summary>Whether the client's copy, described by these conditions, is already the one tagged <paramref name="etag"/> (an opaque value, unquoted).</summary>
    public bool ClientIsCurrent(string etag, Instant lastModified)
    {
        if (NoneMatchAny || NoneMatch.Count > 0) return NoneMatchAny || NoneMatch.Contains(etag, StringComparer.Ordinal);
        return ModifiedSince is { } since && lastModified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }
}
