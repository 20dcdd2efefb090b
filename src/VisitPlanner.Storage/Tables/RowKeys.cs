using System.Globalization;
using NodaTime;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Row keys that sort by time: "20251016T093000Z_{eventId}". Fixed-width UTC timestamps sort the same as
/// strings and as instants, so a range query on RowKey is a range of end times.
/// </summary>
public static class RowKeys
{
    public static string TimePrefix(Instant instant) =>
        instant.ToDateTimeUtc().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string ByEnd(Instant endsAt, string eventId) => $"{TimePrefix(endsAt)}_{eventId}";
}
