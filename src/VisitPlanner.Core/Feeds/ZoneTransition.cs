using NodaTime;
using NodaTime.TimeZones;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// One change of a zone's offset, as a VTIMEZONE describes it: the instant, and the local time of the onset counted in
/// the offset in force just before it (RFC 5545 section 3.6.5: an observance's DTSTART is local to TZOFFSETFROM).
/// </summary>
internal sealed record ZoneTransition(Instant At, LocalDateTime Onset, Offset From, Offset To, bool Daylight, string? Name)
{
    public static ZoneTransition Into(DateTimeZone zone, ZoneInterval interval)
    {
        var previous = zone.GetZoneInterval(interval.Start - Duration.Epsilon);
        var before = previous.WallOffset;
        return new ZoneTransition(interval.Start, interval.Start.WithOffset(before).LocalDateTime, before, interval.WallOffset,
            IsDaylight(interval, previous), string.IsNullOrEmpty(interval.Name) ? null : interval.Name);
    }

    /// <summary>
    /// Whether the interval is summer time as clients understand it: tzdb gives Ireland (and Morocco in Ramadan) negative
    /// savings, making winter the "daylight" period, but Outlook and Windows expect DAYLIGHT to be the later clock.
    /// </summary>
    public static bool IsDaylight(ZoneInterval interval, ZoneInterval? previous) =>
        interval.Savings > Offset.Zero || (interval.Savings == Offset.Zero && previous is { Savings: var before } && before < Offset.Zero);

    /// <summary>Transitions of one kind (to the same offsets under the same name) can share an observance.</summary>
    public (bool Daylight, Offset From, Offset To, string? Name) Kind => (Daylight, From, To, Name);
}
