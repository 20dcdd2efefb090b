using NodaTime.Text;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;

namespace VisitPlanner.Core.Services;

/// <summary>
/// Reads the query parameters of listings, pages and feeds. <c>from</c> and <c>to</c> are dates in the agenda's zone,
/// <c>to</c> inclusive (from=2025-10-15&amp;to=2025-10-16 covers both days), or instants with Z or an offset; a missing
/// end is open. Feeds add <c>kind</c> and <c>banners</c>, and default to 90 days back and 400 days ahead.
/// </summary>
public static class QueryParameters
{
    public static Outcome<QueryWindow> Window(string? from, string? to, DateTimeZone zone)
    {
        var start = QueryWindow.OpenStart;
        var end = QueryWindow.OpenEnd;
        if (!string.IsNullOrEmpty(from) && !TryParse(from, zone, inclusiveEnd: false, out start))
            return Problem.Invalid("from", $"'{from}' is not a date (2025-10-15) or a date-time with offset, from {EventLimits.Describe()}");
        if (!string.IsNullOrEmpty(to) && !TryParse(to, zone, inclusiveEnd: true, out end))
            return Problem.Invalid("to", $"'{to}' is not a date (2025-10-16) or a date-time with offset, from {EventLimits.Describe()}");
        if (end <= start) return Problem.Invalid("to", "must be after from");
        return new QueryWindow(start, end);
    }

    public static Outcome<FeedQuery> Feed(string? from, string? to, string? kind, string? banners, DateTimeZone zone, LocalDate today)
    {
        var start = zone.AtStartOfDay(today.PlusDays(-FeedQuery.DaysBack)).ToInstant();
        var end = zone.AtStartOfDay(today.PlusDays(FeedQuery.DaysAhead + 1)).ToInstant();
        if (!string.IsNullOrEmpty(from) || !string.IsNullOrEmpty(to))
        {
            var window = Window(from, to, zone);
            if (window.Problem is { } problem) return problem;
            if (!string.IsNullOrEmpty(from)) start = window.Value.From;
            if (!string.IsNullOrEmpty(to)) end = window.Value.To;
            if (end <= start) return Problem.Invalid("to", "must be after from");
        }
        if (end - start > Duration.FromDays(FeedQuery.MaxWindowDays)) return Problem.Invalid("to", $"the window may span at most {FeedQuery.MaxWindowDays} days");

        HashSet<EventKind>? kinds = null;
        if (!string.IsNullOrEmpty(kind))
        {
            kinds = [];
            foreach (var name in kind.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!EventKindNames.TryParse(name, out var parsed))
                    return Problem.Invalid("kind", $"'{name}' is not a kind; use one or more of: {string.Join(", ", EventKindNames.All)}");
                kinds.Add(parsed);
            }
        }

        bool? showBanners = banners?.ToLowerInvariant() switch
        {
            null or "" => null,
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => null,
        };
        if (!string.IsNullOrEmpty(banners) && showBanners is null) return Problem.Invalid("banners", "must be true or false");
        return new FeedQuery(new QueryWindow(start, end), kinds, showBanners);
    }

    private static bool TryParse(string text, DateTimeZone zone, bool inclusiveEnd, out Instant instant)
    {
        var date = LocalDatePattern.Iso.Parse(text);
        if (date.Success)
        {
            instant = default;
            if (date.Value.Year is <= 1900 or >= 2200) return false;
            var day = inclusiveEnd ? date.Value.PlusDays(1) : date.Value;
            instant = Clamp(zone.AtStartOfDay(day).ToInstant());
            return true;
        }
        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (offset.Success)
        {
            instant = offset.Value.ToInstant();
            return EventLimits.Contains(instant) || instant == EventLimits.Latest;
        }
        instant = default;
        return false;
    }

    /// <summary>A day at the edge of the range may begin a few hours outside it in a far zone; the range bounds it.</summary>
    private static Instant Clamp(Instant instant) =>
        instant < EventLimits.Earliest ? EventLimits.Earliest : instant > EventLimits.Latest ? EventLimits.Latest : instant;
}
