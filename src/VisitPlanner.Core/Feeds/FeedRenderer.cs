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

    /// <summary>The feed as UTF-8, events in order of start; throws <see cref="FeedTooLargeException"/> as soon as it would exceed <paramref name="maxBytes"/>.</summary>
    public static byte[] Render(FeedSource source, IEnumerable<AgendaEntry> entries, long maxBytes = long.MaxValue)
    {
        var feed = new FeedAssembly(source, maxBytes);
        foreach (var entry in FeedComposer.Order(entries)) feed.Add(entry);
        return feed.Finish();
    }

    /// <summary>
    /// The feed of entries as they come (an agenda's index pages, in the order of their end times), rendered as they
    /// arrive, so a render holds one page of events and the feed so far, never the whole agenda. An event met twice
    /// (a legacy leftover) is written once, live before withdrawn.
    /// </summary>
    public static async Task<byte[]> RenderAsync(FeedSource source, IAsyncEnumerable<IReadOnlyList<AgendaEntry>> pages, long maxBytes)
    {
        var feed = new FeedAssembly(source, maxBytes);
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

    /// <summary>A feed being written: its VEVENTs first, so the VTIMEZONEs they need are known, then all of it joined.</summary>
    private sealed class FeedAssembly(FeedSource source, long maxBytes)
    {
        private readonly ArrayBufferWriter<byte> _events = new(64 * 1024);
        private readonly List<ZoneUse> _zones = [];
        private FeedWriter? _writer;

        public void Add(AgendaEntry entry)
        {
            _writer ??= new FeedWriter(_events);
            foreach (var component in FeedComposer.Components(source, entry))
            {
                _writer.WriteComponent(component);
                if (component.Zone is { } zone) _zones.Add(zone);
                if (_events.WrittenCount > maxBytes) throw new FeedTooLargeException(maxBytes);
            }
        }

        public byte[] Finish()
        {
            var feed = new ArrayBufferWriter<byte>(_events.WrittenCount + 4096);
            var head = new FeedWriter(feed);
            head.WriteHeader(FeedComposer.Calendar(source));
            // VTIMEZONEs come before the VEVENTs that refer to them, which strict readers (Outlook) expect.
            foreach (var zone in FeedComposer.Zones(_zones)) head.WriteZone(zone);
            feed.Write(_events.WrittenSpan);
            head.WriteFooter();
            if (feed.WrittenCount > maxBytes) throw new FeedTooLargeException(maxBytes);
            return feed.WrittenSpan.ToArray();
        }
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
