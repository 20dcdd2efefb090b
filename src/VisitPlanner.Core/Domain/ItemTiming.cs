using NodaTime.TimeZones;
using NodaTime;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// When an itinerary item happens, as wall-clock times in one zone. Timed items keep local date-times;
/// all-day items keep dates, with <see cref="LastDay"/> inclusive (people write "15th to 16th" meaning both days).
/// </summary>
public sealed record ItemTiming
{
    private ItemTiming(LocalDateTime start, LocalDateTime end, bool isAllDay, DateTimeZone zone)
    {
        Start = start;
        End = end;
        IsAllDay = isAllDay;
        Zone = zone;
    }

    /// <summary>Local start; midnight of the first day for all-day items.</summary>
    public LocalDateTime Start { get; }

    /// <summary>Local end, exclusive; midnight after the last day for all-day items.</summary>
    public LocalDateTime End { get; }

    public bool IsAllDay { get; }

    public DateTimeZone Zone { get; }

    public LocalDate FirstDay => Start.Date;

    public LocalDate LastDay => IsAllDay ? End.Date.PlusDays(-1) : End.Date;

    public static ItemTiming Timed(LocalDateTime start, LocalDateTime end, DateTimeZone zone)
    {
        if (end < start) throw new ArgumentException("An item cannot end before it starts.", nameof(end));
        return new ItemTiming(start, end, false, zone);
    }

    public static ItemTiming AllDay(LocalDate firstDay, LocalDate lastDay, DateTimeZone zone)
    {
        if (lastDay < firstDay) throw new ArgumentException("An item cannot end before it starts.", nameof(lastDay));
        return new ItemTiming(firstDay.AtMidnight(), lastDay.PlusDays(1).AtMidnight(), true, zone);
    }

    /// <summary>
    /// The instant the item starts. Local times that fall in a daylight-saving gap move forward by the
    /// gap, and ambiguous ones take the earlier offset, as RFC 5545 section 3.3.5 prescribes for clients.
    /// </summary>
    public Instant StartInstant => Start.InZone(Zone, Resolvers.LenientResolver).ToInstant();

    public Instant EndInstant => End.InZone(Zone, Resolvers.LenientResolver).ToInstant();
}
