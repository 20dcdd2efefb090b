using NodaTime;
using NodaTime.TimeZones;
using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Import;

/// <summary>
/// Reads one event's times in its zone: a floating time is wall-clock time there; a UTC time is that instant, written
/// back with its Z; a time with a TZID is read in that TZID's zone (<see cref="ZoneResolver"/>), as written when that is
/// the event's zone and as an instant with its offset otherwise. A local time skipped or repeated by a daylight-saving
/// change is taken as the API takes it (the gap moves it forward, a repeated time is the first).
/// </summary>
internal sealed class EventClock(DateTimeZone zone, ZoneResolver zones, int firstYear, int lastYear, List<string> warnings)
{
    public DateTimeZone Zone => zone;

    /// <summary>The zone of the event whose start is <paramref name="start"/>: its TZID's, else (floating, UTC, a date) the calendar's.</summary>
    public static DateTimeZone ZoneOf(IcsTime start, ZoneResolver zones, int firstYear, int lastYear, List<string> warnings) =>
        start is IcsTime.Zoned zoned ? Resolve(zones, zoned.Tzid, firstYear, lastYear, warnings) : zones.CalendarZone;

    public ImportedTime Time(IcsTime time)
    {
        switch (time)
        {
            case IcsTime.Floating floating:
                return Local(floating.Value);
            case IcsTime.Utc utc:
                return new ImportedTime(utc.Value.InZone(zone).LocalDateTime, TimeInput.Format(utc.Value), utc.Value);
            case IcsTime.Zoned zoned:
                var own = Resolve(zones, zoned.Tzid, firstYear, lastYear, warnings);
                if (own.Id == zone.Id) return Local(zoned.Value);
                var instant = zoned.Value.InZone(own, Resolvers.LenientResolver).ToInstant();
                return Exact(instant);
            default:
                throw new InvalidOperationException("A date has no time of day.");
        }
    }

    /// <summary>The local date in the event's zone of a value of any kind (an EXDATE, RDATE or RECURRENCE-ID).</summary>
    public LocalDate DateOf(IcsTime time) => time is IcsTime.Date date ? date.Value : Time(time).Local.Date;

    /// <summary>The time of day, in the event's zone, of a value with one.</summary>
    public LocalTime? TimeOfDay(IcsTime time) => time is IcsTime.Date ? null : Time(time).Local.TimeOfDay;

    /// <summary>Wall-clock time in the event's zone, written as it is.</summary>
    public ImportedTime Local(LocalDateTime local) => new(local, TimeInput.Format(local), local.InZone(zone, Resolvers.LenientResolver).ToInstant());

    /// <summary>An instant, written with the offset the event's zone has then, so it means the same instant when read back.</summary>
    public ImportedTime Exact(Instant instant)
    {
        var zoned = instant.InZone(zone);
        return new ImportedTime(zoned.LocalDateTime, TimeInput.Format(zoned.ToOffsetDateTime()), instant);
    }

    private static DateTimeZone Resolve(ZoneResolver zones, string tzid, int firstYear, int lastYear, List<string> warnings)
    {
        var resolved = zones.Resolve(tzid, firstYear, lastYear);
        // One warning per TZID per event, however many of its properties name it.
        if (resolved.Warning is { } warning && !warnings.Contains(warning)) warnings.Add(warning);
        return resolved.Zone;
    }
}
