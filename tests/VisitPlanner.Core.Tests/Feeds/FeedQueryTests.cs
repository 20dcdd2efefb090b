using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Scheduling;

namespace VisitPlanner.Core.Tests.Feeds;

public class FeedQueryTests
{
    private static readonly LocalDate Today = new(2026, 11, 26);

    [Fact]
    public void TheDefaultWindowIsNinetyDaysBackToFourHundredAhead()
    {
        var query = FeedQuery.Parse(null, null, null, null, TimeZones.Default, Today).Value!;

        Assert.Equal(Instant.FromUtc(2026, 8, 27, 16, 0), query.From);
        Assert.Equal(Instant.FromUtc(2027, 12, 31, 16, 0), query.To);
        Assert.Null(query.Kinds);
        Assert.Null(query.Banners);
    }

    [Fact]
    public void KindsAndBannersNarrowTheFeed()
    {
        var query = FeedQuery.Parse("2025-10-01", "2025-10-31", "studyTrip, delegationVisit", "false", TimeZones.Default, Today).Value!;

        Assert.Equal(Instant.FromUtc(2025, 9, 30, 16, 0), query.From);
        Assert.Equal([EventKind.StudyTrip, EventKind.DelegationVisit], query.Kinds!.Order());
        Assert.False(query.Banners);
    }

    [Fact]
    public void TheCacheKeyDiffersForDifferentQueries() =>
        Assert.NotEqual(
            FeedQuery.Parse(null, null, "meeting", null, TimeZones.Default, Today).Value!.CacheKey,
            FeedQuery.Parse(null, null, "inspection", null, TimeZones.Default, Today).Value!.CacheKey);

    [Theory]
    [InlineData("soon", null, null, null, "from")]
    [InlineData(null, null, "party", null, "kind")]
    [InlineData(null, null, null, "maybe", "banners")]
    [InlineData("2020-01-01", "2035-01-01", null, null, "to")]
    [InlineData("2026-12-01", "2026-11-01", null, null, "to")]
    public void BadParametersNameTheParameter(string? from, string? to, string? kind, string? banners, string field) =>
        Assert.Equal(field, FeedQuery.Parse(from, to, kind, banners, TimeZones.Default, Today).Problem!.Errors[0].Field);
}
