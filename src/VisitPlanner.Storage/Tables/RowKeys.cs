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

    /// <summary>
    /// "R" before a series' index key: a series may span five years, so its rows cannot be found by the window-plus-92-days
    /// range that single events are, and have a key range of their own, after every digit and before '~'.
    /// </summary>
    public const string SeriesPrefix = "R";

    /// <summary>The key of an event's row in an agenda: by end time, in the series range for a recurring event.</summary>
    public static string AgendaRow(Core.Domain.VisitEvent visit) =>
        visit.Recurrence is null ? ByEnd(visit.EndsAt, visit.Id) : SeriesPrefix + ByEnd(visit.EndsAt, visit.Id);
}
