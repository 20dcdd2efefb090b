using System.Collections.Concurrent;
using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// Per-instance memory that makes polls cheap. An agenda's head (profile, version, and the subscription a
/// token names) is trusted for <see cref="FeedOptions.VersionCheckSeconds"/>, so frequent polls cost no
/// storage read at all; rendered feeds are kept by ETag, which includes the version, so they never go stale.
/// A write on this instance drops the heads it affects at once.
/// </summary>
public sealed class FeedCache(IClock clock, FeedOptions options)
{
    private readonly ConcurrentDictionary<(AgendaKey Agenda, string? SubscriptionId), (AgendaHead Head, Instant CheckedAt)> _heads = new();
    private readonly ConcurrentDictionary<(AgendaKey Agenda, string? SubscriptionId), Task<AgendaHead?>> _headReads = new();
    private readonly ConcurrentDictionary<string, byte[]> _rendered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<byte[]>> _renders = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _renderedOrder = new();
    private long _renderedBytes;

    /// <summary>
    /// The agenda's head: from memory while fresh, else read once for every poll that asks meanwhile (so a burst
    /// of polls after the interval lapses costs one read, not one each).
    /// </summary>
    public async Task<AgendaHead?> GetHeadAsync(AgendaKey agenda, string? subscriptionId, Func<Task<AgendaHead?>> read)
    {
        var now = clock.GetCurrentInstant();
        if (_heads.TryGetValue((agenda, subscriptionId), out var cached) && now - cached.CheckedAt < Duration.FromSeconds(options.VersionCheckSeconds))
            return cached.Head;
        return await SingleFlightAsync(_headReads, (agenda, subscriptionId), () => ReadHeadAsync(agenda, subscriptionId, read, now));
    }

    /// <summary>The rendered feed for <paramref name="etag"/>: from memory, else rendered once for every poll that asks meanwhile.</summary>
    public Task<byte[]> GetOrRenderAsync(string etag, Func<Task<byte[]>> render) =>
        _rendered.TryGetValue(etag, out var body)
            ? Task.FromResult(body)
            : SingleFlightAsync(_renders, etag, async () =>
            {
                var rendered = await render();
                StoreRendered(etag, rendered);
                return rendered;
            });

    private static async Task<T> SingleFlightAsync<TKey, T>(ConcurrentDictionary<TKey, Task<T>> inFlight, TKey key, Func<Task<T>> work) where TKey : notnull
    {
        var task = inFlight.GetOrAdd(key, _ => work());
        try
        {
            return await task;
        }
        finally
        {
            inFlight.TryRemove(new KeyValuePair<TKey, Task<T>>(key, task));
        }
    }

    private async Task<AgendaHead?> ReadHeadAsync(AgendaKey agenda, string? subscriptionId, Func<Task<AgendaHead?>> read, Instant now)
    {
        var head = await read();
        // Only what exists is remembered: made-up tokens must not grow the cache.
        if (head is null || (subscriptionId is not null && head.Subscription is null))
        {
            _heads.TryRemove((agenda, subscriptionId), out _);
            return head;
        }
        if (_heads.Count >= options.MaxHeads) _heads.Clear();
        _heads[(agenda, subscriptionId)] = (head, now);
        return head;
    }

    /// <summary>Forgets what this instance knows of <paramref name="agenda"/>, after a change to it here.</summary>
    public void Invalidate(AgendaKey agenda)
    {
        foreach (var key in _heads.Keys.Where(k => k.Agenda == agenda)) _heads.TryRemove(key, out _);
    }

    /// <summary>The bytes of rendered feeds this instance keeps: at most <see cref="FeedOptions.RenderedMegabytes"/>.</summary>
    public long RenderedBytes => Interlocked.Read(ref _renderedBytes);

    /// <summary>The length of the feed rendered for <paramref name="etag"/>, if this instance has it (a HEAD renders nothing).</summary>
    public long? RenderedLength(string etag) => _rendered.TryGetValue(etag, out var body) ? body.Length : null;

    public void StoreRendered(string etag, byte[] body)
    {
        if (!_rendered.TryAdd(etag, body)) return;
        _renderedOrder.Enqueue(etag);
        var limit = (long)options.RenderedMegabytes * 1024 * 1024;
        Interlocked.Add(ref _renderedBytes, body.Length);
        // Oldest first: an agenda's newest version is the one its subscribers poll for.
        while (Interlocked.Read(ref _renderedBytes) > limit && _renderedOrder.TryDequeue(out var oldest))
        {
            if (_rendered.TryRemove(oldest, out var evicted)) Interlocked.Add(ref _renderedBytes, -evicted.Length);
        }
    }
}
