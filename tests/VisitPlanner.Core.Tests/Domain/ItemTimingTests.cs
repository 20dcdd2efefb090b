using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Core.Tests.Domain;

public class ItemTimingTests
{
    private static readonly DateTimeZone Berlin = TimeZones.Find("Europe/Berlin")!;
    private static readonly DateTimeZone Shanghai = TimeZones.Default;

    [Fact]
    public void AllDayItemsKeepTheLastDayInclusiveAndEndAtTheFollowingMidnight()
    {
        var timing = ItemTiming.AllDay(new LocalDate(2025, 10, 15), new LocalDate(2025, 10, 16), Shanghai);

        Assert.Equal(new LocalDate(2025, 10, 16), timing.LastDay);
        Assert.Equal(new LocalDateTime(2025, 10, 17, 0, 0), timing.End);
        Assert.Equal(Instant.FromUtc(2025, 10, 14, 16, 0), timing.StartInstant);
    }

    [Fact]
    public void ALocalTimeInTheSpringGapMovesForwardByTheGap()
    {
        // 2025-03-30 02:30 does not exist in Berlin: clocks jump from 02:00 CET to 03:00 CEST.
        var timing = ItemTiming.Timed(new LocalDateTime(2025, 3, 30, 2, 30), new LocalDateTime(2025, 3, 30, 4, 0), Berlin);

        Assert.Equal(Instant.FromUtc(2025, 3, 30, 1, 30), timing.StartInstant);
    }

    [Fact]
    public void AnAmbiguousAutumnTimeTakesTheEarlierOffset()
    {
        // 2025-10-26 02:30 happens twice in Berlin; RFC 5545 says the first (CEST, UTC+2).
        var timing = ItemTiming.Timed(new LocalDateTime(2025, 10, 26, 2, 30), new LocalDateTime(2025, 10, 26, 4, 0), Berlin);

        Assert.Equal(Instant.FromUtc(2025, 10, 26, 0, 30), timing.StartInstant);
        Assert.Equal(Instant.FromUtc(2025, 10, 26, 3, 0), timing.EndInstant);
    }

    [Fact]
    public void AnItemCannotEndBeforeItStarts()
    {
        Assert.Throws<ArgumentException>(() => ItemTiming.Timed(new LocalDateTime(2025, 10, 15, 10, 0), new LocalDateTime(2025, 10, 15, 9, 0), Shanghai));
        Assert.Throws<ArgumentException>(() => ItemTiming.AllDay(new LocalDate(2025, 10, 16), new LocalDate(2025, 10, 15), Shanghai));
    }
}
