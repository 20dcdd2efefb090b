using NodaTime;
using NodaTime.TimeZones;

namespace VisitPlanner.Core.Import;

/// <summary>
/// Reads a TZID as a zone, in this order: (1) an IANA id, also with stray spaces, quotes, another case or a path before
/// it (<c>/mozilla.org/20050126_1/Asia/Shanghai</c>); (2) a Windows zone name, by the CLDR mapping NodaTime ships
/// ("China Standard Time" is Asia/Shanghai), the same on every host; (3) the file's own VTIMEZONE of that TZID, matched
/// by its offsets with an IANA zone (<see cref="ZoneMatcher"/>); (4) the calendar's zone. The last two say so in a
/// warning naming the TZID; the first two are the zone the file names, and need none. A TZID whose name is known wins
/// over its VTIMEZONE, which exporters copy from their own tables and only matter where the name says nothing.
/// </summary>
internal sealed class ZoneResolver
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> IanaIds = new(() => IgnoringCase(DateTimeZoneProviders.Tzdb.Ids.Select(id => (id, id))));

    private static readonly Lazy<IReadOnlyDictionary<string, string>> WindowsIds = new(() =>
        IgnoringCase(TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping.Select(p => (p.Key, p.Value))));

    private readonly DateTimeZone _calendarZone;
    private readonly Dictionary<string, (IcsComponent Component, VTimeZoneDefinition? Definition)> _definitions = new(StringComparer.OrdinalIgnoreCase);
    // Each TZID is worked out once per span of years: a file of 5,000 events names a handful of zones.
    private readonly Dictionary<(string Tzid, int First, int Last), ResolvedZone> _resolved = [];

    public ZoneResolver(IEnumerable<IcsComponent> vtimezones, DateTimeZone calendarZone)
    {
        _calendarZone = calendarZone;
        foreach (var vtimezone in vtimezones)
        {
            // The first VTIMEZONE of a TZID counts, as RFC 5545 makes TZIDs unique within a file.
            if (VTimeZoneDefinition.TzidOf(vtimezone) is { } tzid) _definitions.TryAdd(Normalize(tzid), (vtimezone, VTimeZoneDefinition.Read(vtimezone)));
        }
    }

    public DateTimeZone CalendarZone => _calendarZone;

    /// <summary>The zone <paramref name="tzid"/> names, for an event whose times lie from <paramref name="firstYear"/> to <paramref name="lastYear"/>.</summary>
    public ResolvedZone Resolve(string tzid, int firstYear, int lastYear)
    {
        var key = (tzid, firstYear, lastYear);
        if (!_resolved.TryGetValue(key, out var resolved)) _resolved[key] = resolved = Work(tzid, firstYear, lastYear);
        return resolved;
    }

    private ResolvedZone Work(string tzid, int firstYear, int lastYear)
    {
        var name = Normalize(tzid);
        if (ByName(name) is { } named) return new ResolvedZone(named, null);
        var years = firstYear == lastYear ? $"{firstYear}" : $"{firstYear}–{lastYear}";
        var fallback = $"its times are read in {_calendarZone.Id}, the calendar's zone";
        if (!_definitions.TryGetValue(name, out var found))
            return new ResolvedZone(_calendarZone, $"TZID '{tzid}' names no IANA or Windows time zone, and the file has no VTIMEZONE for it: {fallback}");
        if (found.Definition is not { } definition)
            return new ResolvedZone(_calendarZone, $"TZID '{tzid}' names no IANA or Windows time zone, and its VTIMEZONE (line {found.Component.Line}) uses rules this import cannot follow: {fallback}");
        if (ZoneMatcher.Match(definition, firstYear, lastYear, _calendarZone) is not { } match)
            return new ResolvedZone(_calendarZone, $"TZID '{tzid}' names no IANA or Windows time zone, and its VTIMEZONE (line {definition.Line}) matches no IANA zone in {years}: {fallback}");
        var others = match.Matches == 1 ? "" : $"; {match.Matches} zones do, and {match.Zone.Id} is {match.Why}";
        return new ResolvedZone(match.Zone, $"TZID '{tzid}' names no IANA or Windows time zone; its VTIMEZONE (line {definition.Line}) gives the offsets of {match.Zone.Id} in {years}, which is used{others}");
    }

    /// <summary>An IANA id, with any path before it taken off, or a Windows zone name; null when it is neither.</summary>
    private static DateTimeZone? ByName(string name)
    {
        for (var rest = name; rest.Length > 0;)
        {
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(rest) is { } exact) return exact;
            if (IanaIds.Value.TryGetValue(rest, out var id)) return DateTimeZoneProviders.Tzdb[id];
            var slash = rest.IndexOf('/');
            if (slash < 0) break;
            rest = rest[(slash + 1)..];
        }
        return WindowsIds.Value.TryGetValue(name, out var windows) ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(windows) : null;
    }

    /// <summary>Names looked up whatever their case; where two differ only by case, the first is kept.</summary>
    private static IReadOnlyDictionary<string, string> IgnoringCase(IEnumerable<(string Name, string Id)> names)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, id) in names) map.TryAdd(name, id);
        return map;
    }

    /// <summary>The TZID without quotes and stray spaces around it, around its slashes or doubled within it.</summary>
    internal static string Normalize(string tzid)
    {
        var text = tzid.Trim().Trim('"', '\'', '“', '”', '‘', '’').Trim();
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Replace(" /", "/", StringComparison.Ordinal).Replace("/ ", "/", StringComparison.Ordinal);
    }
}
