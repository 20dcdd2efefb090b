using NodaTime;

namespace VisitPlanner.Core.Services;

/// <summary>
/// The copy of a feed a poller says it holds, as the host read it from its conditional headers: copies tagged with
/// some versions (or any version at all), or a copy fetched at some time, or none. Which of its headers counts, when
/// it sent both, is the host's rule (RFC 9110 section 13.2.2); this only compares.
/// </summary>
public abstract record ClientCopy
{
    public static readonly ClientCopy None = new Nothing();

    /// <summary>Whether the poller's copy is already the one tagged <paramref name="version"/> (an opaque value, unquoted).</summary>
    public abstract bool IsCurrent(string version, Instant lastModified);

    /// <summary>Copies of these versions, or of any (<paramref name="anyVersion"/>): none of them is current if the tags name none of ours.</summary>
    public sealed record Tagged(IReadOnlyList<string> Versions, bool AnyVersion) : ClientCopy
    {
        public override bool IsCurrent(string version, Instant lastModified) => AnyVersion || Versions.Contains(version, StringComparer.Ordinal);
    }

    /// <summary>A copy fetched at <paramref name="Since"/>, to the second: current if nothing changed after it.</summary>
    public sealed record FetchedAt(Instant Since) : ClientCopy
    {
        public override bool IsCurrent(string version, Instant lastModified) => lastModified.ToUnixTimeSeconds() <= Since.ToUnixTimeSeconds();
    }

    private sealed record Nothing : ClientCopy
    {
        public override bool IsCurrent(string version, Instant lastModified) => false;
    }
}
