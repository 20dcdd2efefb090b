using NodaTime;

namespace VisitPlanner.Core.Time;

/// <summary>IANA time zones from NodaTime's bundled tzdb, so results do not depend on the host's zone files (Windows vs Linux).</summary>
public static class TimeZones
{
    public const string DefaultId = "Asia/Shanghai";

    public static DateTimeZone Default => DateTimeZoneProviders.Tzdb[DefaultId];

    public static DateTimeZone? Find(string id) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
}
