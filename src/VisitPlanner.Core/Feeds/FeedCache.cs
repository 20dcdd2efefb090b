using System.Collections.Concurrent;
using NodaTime;
using VisitPlanner.Core.Caching;
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
    private readonly ConcurrentDictionary<(AgendaKey Agenda, string? SubscriptionId), Lazy<Task<AgendaHead?>>> _headReads = new();
    /// <summary>Rendered feeds by ETag; the ones polled longest ago go first.</summary>
    private readonly SizeBoundedCache<string, FeedBody> _rendered = new((long)options.RenderedMegabytes * 1024 * 1024, body => body.Length, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<FeedBody>>> _renders = new(StringComparer.Ordinal);

    /// <summary>Per agenda, how many times this instance changed it: a head read that began before a change is not kept.</summary>
    private readonly ConcurrentDictionary<AgendaKey, long> _changes = new();

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
    public Task<FeedBody> GetOrRenderAsync(string etag, Func<Task<FeedBody>> render) =>
        _rendered.TryGetValue(etag, out var body)
            ? Task.FromResult(body!)
            : SingleFlightAsync(_renders, etag, async () =>
            {
                var rendered = await render();
                _rendered.TryAdd(etag, rendered);
                return rendered;
            });

    /// <summary>
    /// One run of <paramref name="work"/> per key at a time. <see cref="Lazy{T}"/> because the dictionary may call a
    /// factory more than once when callers race, and each call would start a read or a render.
    /// </summary>
    private static async Task<T> SingleFlightAsync<TKey, T>(ConcurrentDictionary<TKey, Lazy<Task<T>>> inFlight, TKey key, Func<Task<T>> work) where TKey : notnull
    {
        var flight = inFlight.GetOrAdd(key, _ => new Lazy<Task<T>>(work));
        try
        {
            return await flight.Value;
        }
        finally
        {
            inFlight.TryRemove(new KeyValuePair<TKey, Lazy<Task<T>>>(key, flight));
        }
    }

    private async Task<AgendaHead?> ReadHeadAsync(AgendaKey agenda, string? subscriptionId, Func<Task<AgendaHead?>> read, Instant now)
    {
        var changesBefore = _changes.GetValueOrDefault(agenda);
        var head = await read();
        // Only what exists is remembered: made-up tokens must not grow the cache.
        if (head is null || (subscriptionId is not null && head.Subscription is null))
        {
            _heads.TryRemove((agenda, subscriptionId), out _);
            return head;
        }
        // A change made here while the read was out may be newer than what it read (a revoke, an edit): then the
        // next poll reads again rather than trusting this answer for the whole interval.
        if (_changes.GetValueOrDefault(agenda) != changesBefore) return head;
        if (_heads.Count >= options.MaxHeads) _heads.Clear();
        _heads[(agenda, subscriptionId)] = (head, now);
        return head;
    }

    /// <summary>Forgets what this instance knows of <paramref name="agenda"/>, after a change to it here, including reads still under way.</summary>
    public void Invalidate(AgendaKey agenda)
    {
        if (_changes.Count >= options.MaxHeads) _changes.Clear();
        _changes.AddOrUpdate(agenda, 1, (_, count) => count + 1);
        foreach (var key in _heads.Keys.Where(k => k.Agenda == agenda)) _heads.TryRemove(key, out _);
        // Polls that join a read begun before the change would get its stale answer: they start a new one instead.
        foreach (var key in _headReads.Keys.Where(k => k.Agenda == agenda)) _headReads.TryRemove(key, out _);
    }

    /// <summary>The bytes of rendered feeds this instance keeps: at most <see cref="FeedOptions.RenderedMegabytes"/>.</summary>
    public long RenderedBytes => _rendered.Bytes;

    /// <summary>The length of the feed rendered for <paramref name="etag"/>, if this instance has it (a HEAD renders nothing).</summary>
    public long? RenderedLength(string etag) => _rendered.TryGetValue(etag, out var body) ? body.Length : null;
}
