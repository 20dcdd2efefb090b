using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Storage.Tables;

namespace VisitPlanner.Storage.Tests.Tables;

/// <summary>Numbered series on Azurite: numbers claimed once each, concurrently too; a retried claim gets its first number; a replacement keeps the count.</summary>
public class TableSeriesRepositoryTests(AzuriteTables storage) : IClassFixture<AzuriteTables>
{
    private TableSeriesRepository Repository => new(storage.Tables);

    private static LectureSeries Series(string id, Organizer? organizer = null) =>
        new(id, "经开讲堂", EventKind.TrainingLecture, ["shouyang-edz-trips"], organizer, LectureSeries.DefaultNumberFormat, Instant.FromUtc(2026, 9, 1, 0, 0));

    [Fact]
    public async Task ConcurrentClaimsGetDistinctConsecutiveNumbersAndARetryItsFirst()
    {
        var id = "s-" + Guid.NewGuid().ToString("N")[..10];
        await Repository.UpsertAsync(Series(id), CancellationToken.None);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Repository.ClaimNextAsync(id, $"evt-{i}", CancellationToken.None)));
        var retried = await Repository.ClaimNextAsync(id, "evt-3", CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 8), numbers.Order());
        Assert.Equal(numbers[3], retried);
        Assert.Equal(8, (await Repository.SessionsAsync(id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AnExplicitNumberIsTakenOnceAndRaisesTheNext()
    {
        var id = "s-" + Guid.NewGuid().ToString("N")[..10];
        await Repository.UpsertAsync(Series(id), CancellationToken.None);

        Assert.Null(await Repository.ClaimAsync(id, 22, "evt-a", CancellationToken.None));
        Assert.Equal(new SeriesSession(22, "evt-a"), await Repository.ClaimAsync(id, 22, "evt-b", CancellationToken.None));
        Assert.Null(await Repository.ClaimAsync(id, 22, "evt-a", CancellationToken.None));
        Assert.Equal(23, await Repository.ClaimNextAsync(id, "evt-c", CancellationToken.None));
    }

    [Fact]
    public async Task AReplacementKeepsTheNumbersAndDropsWhatItLeavesOut()
    {
        var id = "s-" + Guid.NewGuid().ToString("N")[..10];
        Assert.True(await Repository.UpsertAsync(Series(id, new Organizer("组织部")), CancellationToken.None));
        await Repository.ClaimNextAsync(id, "evt-1", CancellationToken.None);

        Assert.False(await Repository.UpsertAsync(Series(id), CancellationToken.None));

        Assert.Null((await Repository.GetAsync(id, CancellationToken.None))!.Organizer);
        Assert.Equal(2, await Repository.ClaimNextAsync(id, "evt-2", CancellationToken.None));
    }
}
