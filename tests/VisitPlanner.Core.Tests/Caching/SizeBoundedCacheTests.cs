using VisitPlanner.Core.Caching;

namespace VisitPlanner.Core.Tests.Caching;

public class SizeBoundedCacheTests
{
    private static SizeBoundedCache<string, byte[]> Cache(long maxBytes) => new(maxBytes, value => value.Length, StringComparer.Ordinal);

    [Fact]
    public void WhatWouldPassTheBoundPushesOutWhatWasUsedLongestAgo()
    {
        var cache = Cache(300);
        cache.Set("a", new byte[100]);
        cache.Set("b", new byte[100]);
        cache.Set("c", new byte[100]);
        Assert.True(cache.TryGetValue("a", out _)); // "a" is now the most recent; "b" the oldest

        cache.Set("d", new byte[100]);

        Assert.Equal((false, true, true, true), (cache.TryGetValue("b", out _), cache.TryGetValue("a", out _), cache.TryGetValue("c", out _), cache.TryGetValue("d", out _)));
        Assert.Equal((3, 300L), (cache.Count, cache.Bytes));
    }

    [Fact]
    public void AReplacedValueIsCountedAtItsNewSize()
    {
        var cache = Cache(1000);
        cache.Set("a", new byte[100]);
        cache.Set("a", new byte[400]);
        cache.Set("a", new byte[50]);

        Assert.Equal((1, 50L), (cache.Count, cache.Bytes));
    }

    [Fact]
    public void KeepExistingDecidesWhetherAnOfferedValueReplacesTheOneThere()
    {
        var cache = Cache(1000);
        cache.Set("event", [3]);
        cache.Set("event", [2], (kept, offered) => kept[0] >= offered[0]);
        Assert.True(cache.TryGetValue("event", out var older) && older[0] == 3);

        cache.Set("event", [4], (kept, offered) => kept[0] >= offered[0]);
        Assert.True(cache.TryGetValue("event", out var newer) && newer[0] == 4);

        cache.TryAdd("event", [9]);
        Assert.True(cache.TryGetValue("event", out var kept) && kept[0] == 4);
    }

    [Fact]
    public void AValueLargerThanTheWholeBoundIsNotKeptAndPushesNothingOut()
    {
        var cache = Cache(100);
        cache.Set("small", new byte[60]);
        cache.Set("huge", new byte[101]);

        Assert.False(cache.TryGetValue("huge", out _));
        Assert.True(cache.TryGetValue("small", out _));
        Assert.Equal(60L, cache.Bytes);
    }

    [Fact]
    public async Task ManyWritersAtOnceNeverLeaveItOverItsBound()
    {
        var cache = Cache(10_000);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                cache.Set($"{writer}-{i % 300}", new byte[1 + i % 97]);
                cache.TryGetValue($"{(writer + 1) % 8}-{i % 300}", out _);
            }
        })));

        Assert.InRange(cache.Bytes, 1, 10_000);
        var counted = 0L;
        for (var writer = 0; writer < 8; writer++)
        {
            for (var i = 0; i < 300; i++)
            {
                if (cache.TryGetValue($"{writer}-{i}", out var value)) counted += value.Length;
            }
        }
        Assert.Equal(cache.Bytes, counted);
    }
}
