using NodaTime;
using NodaTime.TimeZones;

namespace VisitPlanner.Core.Import;

/// <summary>
/// Finds the IANA zones that give the same offsets as a VTIMEZONE over the years an event uses. Many do (every zone at
/// +08:00 without daylight saving matches Outlook's "Customized Time Zone" for China), so one is preferred: the
/// calendar's own zone, else the first of a short list of the zones our organizers' files come from, else the first by id.
/// </summary>
internal static class ZoneMatcher
{
    /// <summary>Common zones, in the order preferred when several match.</summary>
    public static readonly IReadOnlyList<string> Preferred =
    [
        "Asia/Shanghai", "Europe/Berlin", "Europe/London", "America/New_York", "America/Chicago", "America/Denver",
        "America/Los_Angeles", "Europe/Paris", "Europe/Moscow", "Asia/Tokyo", "Asia/Seoul", "Asia/Hong_Kong",
        "Asia/Singapore", "Asia/Kolkata", "Asia/Dubai", "Australia/Sydney", "Etc/UTC",
    ];

    private static readonly Lazy<IReadOnlyList<DateTimeZone>> Candidates = new(() =>
        TzdbDateTimeZoneSource.Default.CanonicalIdMap.Values.Distinct().Order(StringComparer.Ordinal)
            .Select(id => DateTimeZoneProviders.Tzdb[id]).ToArray());

    /// <summary>The zone to use and how many matched, or null when none does.</summary>
    public static (DateTimeZone Zone, int Matches, string Why)? Match(VTimeZoneDefinition definition, int firstYear, int lastYear, DateTimeZone calendarZone)
    {
        var start = Instant.FromUtc(firstYear, 1, 1, 0, 0);
        var end = Instant.FromUtc(lastYear + 1, 1, 1, 0, 0);
        var wanted = definition.Offsets(start, end);
        var matches = Candidates.Value
            .Where(zone => zone.GetUtcOffset(start) == wanted.Initial && ZoneOffsets.Of(zone, start, end).Equals(wanted))
            .ToArray();
        if (matches.Length == 0) return null;
        if (ZoneOffsets.Of(calendarZone, start, end).Equals(wanted)) return (calendarZone, matches.Length, "the calendar's zone");
        foreach (var id in Preferred)
        {
            if (matches.FirstOrDefault(z => z.Id == id) is { } common) return (common, matches.Length, "the most common of them");
        }
        return (matches[0], matches.Length, "the first by name");
    }
}
