using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Services;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Core.Tests.Services;

public class QueryParametersTests
{
    private static readonly LocalDate Today = new(2026, 11, 26);

    [Fact]
    public void DatesAreDaysInTheCalendarsZoneWithAnInclusiveEnd()
    {
        var window = QueryParameters.Window("2025-10-15", "2025-10-16", TimeZones.Default);

        Assert.Null(window.Problem);
        Assert.Equal(Instant.FromUtc(2025, 10, 14, 16, 0), window.Value.From);
        Assert.Equal(Instant.FromUtc(2025, 10, 16, 16, 0), window.Value.To);
    }

    [Fact]
    public void MissingEndsAreOpen()
    {
        var window = QueryParameters.Window(null, "", TimeZones.Default).Value;

        Assert.Equal(QueryWindow.OpenStart, window.From);
        Assert.Equal(QueryWindow.OpenEnd, window.To);
    }

    [Fact]
    public void InstantsWithOffsetsAreAccepted() =>
        Assert.Equal(Instant.FromUtc(2025, 10, 15, 0, 30), QueryParameters.Window("2025-10-15T08:30:00+08", null, TimeZones.Default).Value.From);

    [Theory]
    [InlineData("yesterday", null, "from")]
    [InlineData(null, "2025-13-01", "to")]
    [InlineData("2025-10-16", "2025-10-14", "to")]
    [InlineData("1900-12-31", null, "from")]
    [InlineData(null, "2200-01-01", "to")]
    [InlineData(null, "9999-12-31", "to")]
    [InlineData("0001-01-01", null, "from")]
    public void BadWindowsNameTheParameter(string? from, string? to, string field) =>
        Assert.Equal(field, QueryParameters.Window(from, to, TimeZones.Default).Problem!.Errors[0].Field);

    [Fact]
    public void TheFirstAndLastDaysEventsMayTouchCanBeAskedFor()
    {
        var window = QueryParameters.Window("1901-01-01", "2199-12-31", TimeZones.Default);

        Assert.Null(window.Problem);
        Assert.Equal(EventLimits.Earliest, window.Value.From);
        Assert.Equal(TimeZones.Default.AtStartOfDay(new LocalDate(2200, 1, 1)).ToInstant(), window.Value.To);
    }

    [Fact]
    public void TheDefaultFeedWindowIsNinetyDaysBackToFourHundredAhead()
    {
        var query = QueryParameters.Feed(null, null, null, null, TimeZones.Default, Today).Value!;

        Assert.Equal(Instant.FromUtc(2026, 8, 27, 16, 0), query.Window.From);
        Assert.Equal(Instant.FromUtc(2027, 12, 31, 16, 0), query.Window.To);
        Assert.Null(query.Kinds);
        Assert.Null(query.Banners);
    }

    [Fact]
    public void KindsAndBannersNarrowTheFeed()
    {
        var query = QueryParameters.Feed("2025-10-01", "2025-10-31", "studyTrip, delegationVisit", "false", TimeZones.Default, Today).Value!;

        Assert.Equal(Instant.FromUtc(2025, 9, 30, 16, 0), query.Window.From);
        Assert.Equal([EventKind.StudyTrip, EventKind.DelegationVisit], query.Kinds!.Order());
        Assert.False(query.Banners);
    }

    [Fact]
    public void TheCacheKeyDiffersForDifferentQueries() =>
        Assert.NotEqual(
            QueryParameters.Feed(null, null, "meeting", null, TimeZones.Default, Today).Value!.CacheKey,
            QueryParameters.Feed(null, null, "inspection", null, TimeZones.Default, Today).Value!.CacheKey);

    [Theory]
    [InlineData("soon", null, null, null, "from")]
    [InlineData(null, null, "party", null, "kind")]
    [InlineData(null, null, null, "maybe", "banners")]
    [InlineData("2020-01-01", "2035-01-01", null, null, "to")]
    [InlineData("2026-12-01", "2026-11-01", null, null, "to")]
    public void BadFeedParametersNameTheParameter(string? from, string? to, string? kind, string? banners, string field) =>
        Assert.Equal(field, QueryParameters.Feed(from, to, kind, banners, TimeZones.Default, Today).Problem!.Errors[0].Field);
}
