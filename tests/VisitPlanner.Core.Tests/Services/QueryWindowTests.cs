using NodaTime;
using VisitPlanner.Core.Scheduling;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Core.Tests.Services;

public class QueryWindowTests
{
    [Fact]
    public void DatesAreDaysInTheCalendarsZoneWithAnInclusiveEnd()
    {
        var window = QueryWindow.Parse("2025-10-15", "2025-10-16", TimeZones.Default);

        Assert.Null(window.Problem);
        Assert.Equal(Instant.FromUtc(2025, 10, 14, 16, 0), window.From);
        Assert.Equal(Instant.FromUtc(2025, 10, 16, 16, 0), window.To);
    }

    [Fact]
    public void MissingEndsAreOpen()
    {
        var window = QueryWindow.Parse(null, "", TimeZones.Default);

        Assert.Equal(QueryWindow.OpenStart, window.From);
        Assert.Equal(QueryWindow.OpenEnd, window.To);
    }

    [Fact]
    public void InstantsWithOffsetsAreAccepted() =>
        Assert.Equal(Instant.FromUtc(2025, 10, 15, 0, 30), QueryWindow.Parse("2025-10-15T08:30:00+08", null, TimeZones.Default).From);

    [Theory]
    [InlineData("yesterday", null, "from")]
    [InlineData(null, "2025-13-01", "to")]
    [InlineData("2025-10-16", "2025-10-14", "to")]
    public void BadWindowsNameTheParameter(string? from, string? to, string field) =>
        Assert.Equal(field, QueryWindow.Parse(from, to, TimeZones.Default).Problem!.Errors[0].Field);
}
