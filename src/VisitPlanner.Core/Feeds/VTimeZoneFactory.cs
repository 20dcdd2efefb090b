using NodaTime;
using VisitPlanner.Core.Feeds.Model;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// Builds a complete VTIMEZONE (RFC 5545 section 3.6.5) from NodaTime's tzdb: one STANDARD or DAYLIGHT
/// observance per zone interval that touches the events' dates. Explicit onsets rather than RRULEs say
/// exactly what tzdb says, including historic changes, and every client can evaluate them.
/// A VTIMEZONE without observances is read as UTC by Outlook.
/// </summary>
public static class VTimeZoneFactory
{
    /// <summary>How far beyond the events the observances reach, so clients showing neighbouring days still agree.</summary>
    private static readonly Duration Margin = Duration.FromDays(366);

    private static readonly LocalDateTime OpenStart = new(1970, 1, 1, 0, 0);

    public static FeedZone Create(DateTimeZone zone, Instant earliest, Instant latest) =>
        new(zone.Id, zone.GetZoneIntervals(earliest - Margin, latest + Margin).Select(interval => Observance(zone, interval)).ToArray());

    private static ZoneObservance Observance(DateTimeZone zone, NodaTime.TimeZones.ZoneInterval interval)
    {
        // An observance's DTSTART is the local time of its onset in the offset in force just before it.
        var (onset, offsetFrom) = interval.HasStart
            ? OnsetOf(zone, interval)
            : (OpenStart, interval.WallOffset);
        return new ZoneObservance(interval.Savings != Offset.Zero, onset, offsetFrom, interval.WallOffset, string.IsNullOrEmpty(interval.Name) ? null : interval.Name);
    }

    private static (LocalDateTime Onset, Offset OffsetFrom) OnsetOf(DateTimeZone zone, NodaTime.TimeZones.ZoneInterval interval)
    {
        var before = zone.GetZoneInterval(interval.Start - Duration.Epsilon).WallOffset;
        return (interval.Start.WithOffset(before).LocalDateTime, before);
    }
}
