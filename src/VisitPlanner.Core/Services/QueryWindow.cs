using NodaTime;
using NodaTime.Text;

namespace VisitPlanner.Core.Services;

/// <summary>
/// A [From, To) window from the <c>from</c> and <c>to</c> query parameters: dates in the calendar's zone,
/// <c>to</c> inclusive (from=2025-10-15&amp;to=2025-10-16 covers both days), or instants with Z or an offset.
/// Missing ends are open.
/// </summary>
public readonly record struct QueryWindow(Instant From, Instant To, Problem? Problem)
{
    public static readonly Instant OpenStart = Instant.FromUtc(1900, 1, 1, 0, 0);
    public static readonly Instant OpenEnd = Instant.FromUtc(2300, 1, 1, 0, 0);

    public static QueryWindow Parse(string? from, string? to, DateTimeZone zone)
    {
        var start = OpenStart;
        var end = OpenEnd;
        if (!string.IsNullOrEmpty(from) && !TryParse(from, zone, inclusiveEnd: false, out start))
            return new(default, default, Problem.Invalid("from", $"'{from}' is not a date (2025-10-15) or a date-time with offset"));
        if (!string.IsNullOrEmpty(to) && !TryParse(to, zone, inclusiveEnd: true, out end))
            return new(default, default, Problem.Invalid("to", $"'{to}' is not a date (2025-10-16) or a date-time with offset"));
        if (end <= start) return new(default, default, Problem.Invalid("to", "must be after from"));
        return new(start, end, null);
    }

    private static bool TryParse(string text, DateTimeZone zone, bool inclusiveEnd, out Instant instant)
    {
        var date = LocalDatePattern.Iso.Parse(text);
        if (date.Success && date.Value.Year is >= 1900 and <= 2200)
        {
            var day = inclusiveEnd ? date.Value.PlusDays(1) : date.Value;
            instant = zone.AtStartOfDay(day).ToInstant();
            return true;
        }
        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (offset.Success && offset.Value.Year is >= 1900 and <= 2200)
        {
            instant = offset.Value.ToInstant();
            return true;
        }
        instant = default;
        return false;
    }
}
