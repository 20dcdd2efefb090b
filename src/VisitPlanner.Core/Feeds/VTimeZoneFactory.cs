using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net;
using NodaTime;
using Duration = NodaTime.Duration;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// Builds a complete VTIMEZONE (RFC 5545 section 3.6.5) from NodaTime's tzdb: one STANDARD or DAYLIGHT
/// observance per zone interval that touches the events' dates. Explicit onsets rather than RRULEs say
/// exactly what tzdb says, including historic changes, and every client can evaluate them.
/// Ical.Net's <c>new VTimeZone(id)</c> alone has no observances, which Outlook reads as UTC.
/// </summary>
public static class VTimeZoneFactory
{
    /// <summary>How far beyond the events the observances reach, so clients showing neighbouring days still agree.</summary>
    private static readonly Duration Margin = Duration.FromDays(366);

    private static readonly LocalDateTime OpenStart = new(1970, 1, 1, 0, 0);

    public static VTimeZone Create(DateTimeZone zone, Instant earliest, Instant latest)
    {
        var component = new VTimeZone { TzId = zone.Id };
        component.Properties.Add(new CalendarProperty("X-LIC-LOCATION", zone.Id));
        foreach (var interval in zone.GetZoneIntervals(earliest - Margin, latest + Margin))
        {
            component.TimeZoneInfos.Add(Observance(zone, interval));
        }
        return component;
    }

    private static VTimeZoneInfo Observance(DateTimeZone zone, NodaTime.TimeZones.ZoneInterval interval)
    {
        // An observance's DTSTART is the local time of its onset in the offset in force just before it.
        var (onset, offsetFrom) = interval.HasStart
            ? OnsetOf(zone, interval)
            : (OpenStart, interval.WallOffset);
        var observance = new VTimeZoneInfo(interval.Savings == Offset.Zero ? "STANDARD" : "DAYLIGHT")
        {
            DtStart = new CalDateTime(onset.Year, onset.Month, onset.Day, onset.Hour, onset.Minute, onset.Second, null),
            OffsetFrom = ToUtcOffset(offsetFrom),
            OffsetTo = ToUtcOffset(interval.WallOffset),
        };
        if (!string.IsNullOrEmpty(interval.Name)) observance.TimeZoneName = interval.Name;
        return observance;
    }

    private static (LocalDateTime Onset, Offset OffsetFrom) OnsetOf(DateTimeZone zone, NodaTime.TimeZones.ZoneInterval interval)
    {
        var before = zone.GetZoneInterval(interval.Start - Duration.Epsilon).WallOffset;
        return (interval.Start.WithOffset(before).LocalDateTime, before);
    }

    private static UtcOffset ToUtcOffset(Offset offset) => new(offset.ToTimeSpan());
}
