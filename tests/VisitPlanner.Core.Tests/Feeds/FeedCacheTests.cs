using NodaTime.Testing;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;

namespace VisitPlanner.Core.Tests.Feeds;

public class FeedCacheTests
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 4, 0));
    private int _reads;

    private Task<AgendaHead?> ReadAsync(string version)
    {
        _reads++;
        return Task.FromResult<AgendaHead?>(new AgendaHead(TestEvents.Calendar(), null, version, _clock.GetCurrentInstant(), null));
    }

    [Fact]
    public async Task AHeadIsReadAgainOnlyAfterTheCheckInterval()
    {
        var cache = new FeedCache(_clock, new FeedOptions { VersionCheckSeconds = 5 });
        var agenda = AgendaKey.Calendar("shouyang-edz-trips");

        await cache.GetHeadAsync(agenda, null, () => ReadAsync("v1"));
        _clock.AdvanceSeconds(4);
        var cached = await cache.GetHeadAsync(agenda, null, () => ReadAsync("v2"));
        _clock.AdvanceSeconds(1);
        var fresh = await cache.GetHeadAsync(agenda, null, () => ReadAsync("v2"));

        Assert.Equal(("v1", "v2", 2), (cached!.Version, fresh!.Version, _reads));
    }

    [Fact]
    public async Task AChangeOnThisInstanceIsSeenAtOnce()
    {
        var cache = new FeedCache(_clock, new FeedOptions { VersionCheckSeconds = 3600 });
        var agenda = AgendaKey.Calendar("shouyang-edz-trips");
        await cache.GetHeadAsync(agenda, null, () => ReadAsync("v1"));
        Assert.Equal("v1", (await cache.GetHeadAsync(agenda, null, () => ReadAsync("v2")))!.Version);

        cache.Invalidate(agenda);

        Assert.Equal("v2", (await cache.GetHeadAsync(agenda, null, () => ReadAsync("v2")))!.Version);
    }

    [Fact]
    public async Task ABurstOfPollsCostsOneReadAndOneRender()
    {
        var cache = new FeedCache(_clock, new FeedOptions { VersionCheckSeconds = 5 });
        var agenda = AgendaKey.Calendar("shouyang-edz-trips");
        var release = new TaskCompletionSource();
        var renders = 0;
        async Task<AgendaHead?> SlowRead()
        {
            await release.Task;
            return await ReadAsync("v1");
        }
        async Task<FeedBody> SlowRender()
        {
            Interlocked.Increment(ref renders);
            await release.Task;
            return FeedBody.Of([1, 2, 3]);
        }

        var heads = Enumerable.Range(0, 16).Select(_ => cache.GetHeadAsync(agenda, null, SlowRead)).ToArray();
        var bodies = Enumerable.Range(0, 16).Select(_ => cache.GetOrRenderAsync("etag-v1", SlowRender)).ToArray();
        release.SetResult();
        await Task.WhenAll(heads);
        await Task.WhenAll(bodies);

        Assert.Equal((1, 1), (_reads, renders));
        Assert.All(bodies, b => Assert.Equal([1, 2, 3], b.Result.ToArray()));
        Assert.NotNull(cache.RenderedLength("etag-v1"));
    }

    [Fact]
    public async Task AMadeUpSubscriptionIsNotRemembered()
    {
        var cache = new FeedCache(_clock, new FeedOptions { VersionCheckSeconds = 3600 });
        var agenda = AgendaKey.Calendar("shouyang-edz-trips");

        await cache.GetHeadAsync(agenda, "made-up", () => ReadAsync("v1"));
        await cache.GetHeadAsync(agenda, "made-up", () => ReadAsync("v1"));

        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task RenderedFeedsAreBoundedOldestFirst()
    {
        var cache = new FeedCache(_clock, new FeedOptions { RenderedMegabytes = 1 });

        await cache.GetOrRenderAsync("a", () => Task.FromResult(FeedBody.Of(new byte[600 * 1024])));
        await cache.GetOrRenderAsync("b", () => Task.FromResult(FeedBody.Of(new byte[600 * 1024])));

        Assert.Null(cache.RenderedLength("a"));
        Assert.NotNull(cache.RenderedLength("b"));
        Assert.Equal(600 * 1024, cache.RenderedBytes);
    }

    [Fact]
    public async Task AReadUnderWayWhenThisInstanceChangesTheAgendaIsNotTrustedAfterwards()
    {
        // A poll reads the head (subscription still valid); meanwhile this instance revokes it; the read then returns.
        var cache = new FeedCache(_clock, new FeedOptions { VersionCheckSeconds = 3600 });
        var agenda = AgendaKey.Calendar("shouyang-edz-trips");
        var release = new TaskCompletionSource();
        async Task<AgendaHead?> ReadBeforeTheRevoke()
        {
            await release.Task;
            return await ReadAsync("before-revoke");
        }

        var pollDuringTheChange = cache.GetHeadAsync(agenda, null, ReadBeforeTheRevoke);
        cache.Invalidate(agenda);
        var pollAfterTheChange = cache.GetHeadAsync(agenda, null, () => ReadAsync("after-revoke"));
        release.SetResult();

        Assert.Equal("before-revoke", (await pollDuringTheChange)!.Version);
        Assert.Equal("after-revoke", (await pollAfterTheChange)!.Version);
        Assert.Equal("after-revoke", (await cache.GetHeadAsync(agenda, null, () => ReadAsync("third")))!.Version);
    }

    [Fact]
    public async Task RacingPollsStartOneRenderEvenWhenTheyArriveTogether()
    {
        var cache = new FeedCache(_clock, new FeedOptions());
        var renders = 0;
        var start = new Barrier(8);
        async Task<FeedBody> Render()
        {
            Interlocked.Increment(ref renders);
            await Task.Delay(50);
            return FeedBody.Of([1]);
        }

        var polls = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return cache.GetOrRenderAsync("etag", Render);
        })).ToArray();
        await Task.WhenAll(polls);

        Assert.Equal(1, renders);
    }
}
