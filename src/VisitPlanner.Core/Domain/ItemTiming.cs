using NodaTime;
using NodaTime.TimeZones;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// When an itinerary item happens, as wall-clock times in one zone. Timed items keep local date-times;
/// all-day items keep dates, with <see cref="LastDay"/> inclusive (people write "15th to 16th" meaning both days).
/// A local time that happens twice (the hour a daylight-saving zone falls back) also keeps which of the two it is
/// (<see cref="StartOffset"/>, <see cref="EndOffset"/>), so an instant given with an offset survives as that instant.
/// </summary>
public sealed record ItemTiming
{
    private ItemTiming(LocalDateTime start, Offset? startOffset, LocalDateTime end, Offset? endOffset, bool isAllDay, DateTimeZone zone)
    {
        Start = start;
        StartOffset = startOffset;
        End = end;
        EndOffset = endOffset;
        IsAllDay = isAllDay;
        Zone = zone;
        // Worked out once: feeds, listings and sorting ask for them over and over, and each costs a zone lookup.
        StartInstant = InstantOf(start, startOffset);
        EndInstant = InstantOf(end, endOffset);
    }

    /// <summary>Local start; midnight of the first day for all-day items.</summary>
    public LocalDateTime Start { get; }

    /// <summary>Which of the two occurrences <see cref="Start"/> means, where it happens twice; null elsewhere.</summary>
    public Offset? StartOffset { get; }

    /// <summary>Local end, exclusive; midnight after the last day for all-day items.</summary>
    public LocalDateTime End { get; }

    /// <summary>Which of the two occurrences <see cref="End"/> means, where it happens twice; null elsewhere.</summary>
    public Offset? EndOffset { get; }

    public bool IsAllDay { get; }

    public DateTimeZone Zone { get; }

    public LocalDate FirstDay => Start.Date;

    public LocalDate LastDay => IsAllDay ? End.Date.PlusDays(-1) : End.Date;

    public static ItemTiming Timed(LocalDateTime start, LocalDateTime end, DateTimeZone zone)
    {
        if (end < start) throw new ArgumentException("An item cannot end before it starts.", nameof(end));
        return new ItemTiming(start, null, end, null, false, zone);
    }

    /// <summary>A timed item from exact zoned times: offsets are kept only where the local time happens twice.</summary>
    public static ItemTiming Timed(ZonedDateTime start, ZonedDateTime end)
    {
        if (end.ToInstant() < start.ToInstant()) throw new ArgumentException("An item cannot end before it starts.", nameof(end));
        if (start.Zone != end.Zone) throw new ArgumentException("An item's start and end are in one zone.", nameof(end));
        return new ItemTiming(start.LocalDateTime, OffsetIfAmbiguous(start), end.LocalDateTime, OffsetIfAmbiguous(end), false, start.Zone);
    }

    /// <summary>The same wall-clock times in another zone, or shifted: where a time no longer happens twice its offset is dropped.</summary>
    public ItemTiming WithLocalTimes(LocalDateTime start, LocalDateTime end) => IsAllDay
        ? AllDay(start.Date, end.Date.PlusDays(-1), Zone)
        : new ItemTiming(start, Keep(start, StartOffset), end, Keep(end, EndOffset), false, Zone);

    public static ItemTiming AllDay(LocalDate firstDay, LocalDate lastDay, DateTimeZone zone)
    {
        if (lastDay < firstDay) throw new ArgumentException("An item cannot end before it starts.", nameof(lastDay));
        return new ItemTiming(firstDay.AtMidnight(), null, lastDay.PlusDays(1).AtMidnight(), null, true, zone);
    }

    /// <summary>
    /// The instant the item starts. Local times that fall in a daylight-saving gap move forward by the gap, and
    /// ambiguous ones take the earlier offset unless the item says which, as RFC 5545 section 3.3.5 prescribes.
    /// </summary>
    public Instant StartInstant { get; }

    public Instant EndInstant { get; }

    public ZonedDateTime ZonedStart => StartInstant.InZone(Zone);

    public ZonedDateTime ZonedEnd => EndInstant.InZone(Zone);

    private Instant InstantOf(LocalDateTime local, Offset? offset) =>
        Keep(local, offset) is { } chosen ? local.WithOffset(chosen).ToInstant() : local.InZone(Zone, Resolvers.LenientResolver).ToInstant();

    /// <summary>The offset, if it names one of two occurrences of <paramref name="local"/> in this zone.</summary>
    private Offset? Keep(LocalDateTime local, Offset? offset)
    {
        if (offset is not { } wanted) return null;
        var mapping = Zone.MapLocal(local);
        return mapping.Count == 2 && (mapping.First().Offset == wanted || mapping.Last().Offset == wanted) ? wanted : null;
    }

    private static Offset? OffsetIfAmbiguous(ZonedDateTime time) => time.Zone.MapLocal(time.LocalDateTime).Count == 2 ? time.Offset : null;
}
