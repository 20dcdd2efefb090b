using System.Buffers;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds.Model;
using VisitPlanner.Core.Feeds.Serialization;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// Renders an agenda (a calendar's or a person's) as an iCalendar feed: <see cref="FeedComposer"/> decides what it shows,
/// <see cref="FeedWriter"/> writes it, under a bound on its size so that no agenda can make a render use more memory
/// than that bound.
/// </summary>
public static class FeedRenderer
{
    public const string ProductId = FeedWriter.ProductId;

    /// <summary>
    /// The feed as UTF-8, events in order of start; throws <see cref="FeedTooLargeException"/> as soon as it would exceed
    /// <paramref name="maxBytes"/>. With <paramref name="fragments"/>, events written before are reused, not written again.
    /// </summary>
    public static FeedBody RenderBody(FeedSource source, IEnumerable<AgendaEntry> entries, long maxBytes = long.MaxValue, FeedFragments? fragments = null)
    {
        var feed = new FeedAssembly(source, maxBytes, fragments);
        foreach (var entry in FeedComposer.Order(entries)) feed.Add(entry);
        return feed.Finish();
    }

    /// <summary><see cref="RenderBody"/> as one array: for tests and tools; hosts serve the body's parts.</summary>
    public static byte[] Render(FeedSource source, IEnumerable<AgendaEntry> entries, long maxBytes = long.MaxValue) =>
        RenderBody(source, entries, maxBytes).ToArray();

    /// <summary>
    /// The feed of entries as they come (an agenda's index pages, in the order of their end times), rendered as they
    /// arrive, so a render holds one page of events and the feed so far, never the whole agenda. An event met twice
    /// (a legacy leftover) is written once, live before withdrawn.
    /// </summary>
    public static async Task<FeedBody> RenderAsync(FeedSource source, IAsyncEnumerable<IReadOnlyList<AgendaEntry>> pages, long maxBytes, FeedFragments? fragments = null)
    {
        var feed = new FeedAssembly(source, maxBytes, fragments);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in pages)
        {
            foreach (var entry in FeedComposer.Order(page))
            {
                if (seen.Add(entry.Event.Id)) feed.Add(entry);
            }
        }
        return feed.Finish();
    }

    /// <summary>
    /// A feed being put together: each entry's VEVENTs as a fragment (kept, or written now), so the VTIMEZONEs they need
    /// are known, then the head (header and zones) before the fragments and the end after them.
    /// </summary>
    private sealed class FeedAssembly(FeedSource source, long maxBytes, FeedFragments? fragments)
    {
        private readonly List<FeedFragment> _parts = [];
        private readonly ArrayBufferWriter<byte> _scratch = new(16 * 1024);
        private readonly List<ZoneUse> _zones = [];
        private readonly FeedStyle? _style = fragments is null ? null : FeedStyle.Of(source);
        private FeedWriter? _writer;
        private long _length;

        public void Add(AgendaEntry entry)
        {
            if (fragments is null)
            {
                Append(Write(entry));
                return;
            }
            var key = FragmentKey.Of(source, _style!, entry);
            if (!fragments.TryGet(key, out var fragment))
            {
                fragment = Write(entry);
                fragments.Keep(key, fragment);
            }
            Append(fragment);
        }

        private FeedFragment Write(AgendaEntry entry)
        {
            _scratch.ResetWrittenCount();
            _writer ??= new FeedWriter(_scratch);
            List<ZoneUse>? zones = null;
            foreach (var component in FeedComposer.Components(source, entry))
            {
                _writer.WriteComponent(component);
                if (component.Zone is { } zone) (zones ??= []).Add(zone);
                if (_length + _scratch.WrittenCount > maxBytes) throw new FeedTooLargeException(maxBytes);
            }
            return new FeedFragment(Kept(_scratch.WrittenSpan), zones is null ? [] : zones.ToArray());
        }

        /// <summary>A fragment's own copy of its bytes, not zeroed first, as every byte is copied in at once.</summary>
        private static byte[] Kept(ReadOnlySpan<byte> written)
        {
            var bytes = GC.AllocateUninitializedArray<byte>(written.Length);
            written.CopyTo(bytes);
            return bytes;
        }

        private void Append(FeedFragment fragment)
        {
            _length += fragment.Bytes.Length;
            if (_length > maxBytes) throw new FeedTooLargeException(maxBytes);
            _parts.Add(fragment);
            _zones.AddRange(fragment.Zones);
        }

        public FeedBody Finish()
        {
            var head = new ArrayBufferWriter<byte>(4096);
            var writer = new FeedWriter(head);
            writer.WriteHeader(FeedComposer.Calendar(source));
            // VTIMEZONEs come before the VEVENTs that refer to them, which strict readers (Outlook) expect.
            foreach (var zone in FeedComposer.Zones(_zones)) writer.WriteZone(zone);
            if (head.WrittenCount + _length + Footer.Length > maxBytes) throw new FeedTooLargeException(maxBytes);
            var parts = new ReadOnlyMemory<byte>[_parts.Count + 2];
            parts[0] = head.WrittenMemory;
            for (var i = 0; i < _parts.Count; i++) parts[i + 1] = _parts[i].Bytes;
            parts[^1] = Footer;
            return FeedBody.Of(parts);
        }
    }

    private static readonly byte[] Footer = FooterBytes();

    private static byte[] FooterBytes()
    {
        var footer = new ArrayBufferWriter<byte>(32);
        new FeedWriter(footer).WriteFooter();
        return footer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The bytes one event adds to a feed (its VEVENTs), counted without keeping them, and given up past
    /// <paramref name="limit"/>: an event of 500 people on 200 stops is refused after a few stops, not after 60 MB.
    /// </summary>
    public static long MeasureEvent(FeedSource source, AgendaEntry entry, long limit)
    {
        var counter = new CountingBufferWriter();
        var writer = new FeedWriter(counter);
        foreach (var component in FeedComposer.Components(source, entry))
        {
            writer.WriteComponent(component);
            if (counter.Count > limit) break;
        }
        return counter.Count;
    }

    /// <summary>Counts what is written into it, keeping one reused buffer.</summary>
    private sealed class CountingBufferWriter : IBufferWriter<byte>
    {
        private byte[] _buffer = new byte[4096];

        public long Count { get; private set; }

        public void Advance(int count) => Count += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint).Span;

        private Memory<byte> Ensure(int sizeHint)
        {
            if (sizeHint > _buffer.Length) _buffer = new byte[sizeHint];
            return _buffer;
        }
    }
}
