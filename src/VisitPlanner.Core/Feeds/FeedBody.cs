namespace VisitPlanner.Core.Feeds;

/// <summary>
/// A rendered feed as its parts in order (the head with its VTIMEZONEs, each entry's <see cref="FeedFragment"/>, the
/// end), sharing the fragments' bytes rather than copying them into one array: a feed re-rendered after one event
/// changed costs that event's writing and a list, and a host writes the parts to the response one after another.
/// </summary>
public sealed class FeedBody
{
    private FeedBody(IReadOnlyList<ReadOnlyMemory<byte>> parts)
    {
        Parts = parts;
        foreach (var part in parts) Length += part.Length;
    }

    public IReadOnlyList<ReadOnlyMemory<byte>> Parts { get; }

    /// <summary>The bytes of the whole feed.</summary>
    public long Length { get; }

    public static FeedBody Of(IReadOnlyList<ReadOnlyMemory<byte>> parts) => new(parts);

    public static FeedBody Of(byte[] bytes) => new([bytes]);

    /// <summary>The feed as one array (tests, tools); a host writes <see cref="Parts"/> instead.</summary>
    public byte[] ToArray()
    {
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)Length));
        var rest = bytes.AsSpan();
        foreach (var part in Parts)
        {
            part.Span.CopyTo(rest);
            rest = rest[part.Length..];
        }
        return bytes;
    }
}
