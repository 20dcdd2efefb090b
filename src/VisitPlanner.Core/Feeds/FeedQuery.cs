using NodaTime;
using NodaTime.Text;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// What a subscriber may narrow in a feed URL: the window (<c>from</c>, <c>to</c>: dates in the agenda's zone,
/// <c>to</c> inclusive, or instants with an offset; by default 90 days back to 400 days ahead), the kinds
/// (<c>kind=studyTrip,trainingLecture</c>) and trip banners (<c>banners=false</c>).
/// </summary>
public sealed record FeedQuery(Instant From, Instant To, IReadOnlySet<EventKind>? Kinds, bool? Banners)
{
    public const int DaysBack = 90;
    public const int DaysAhead = 400;
    public const int MaxWindowDays = 3660;

    public static Outcome<FeedQuery> Parse(string? from, string? to, string? kind, string? banners, DateTimeZone zone, LocalDate today)
    {
        var start = zone.AtStartOfDay(today.PlusDays(-DaysBack)).ToInstant();
        var end = zone.AtStartOfDay(today.PlusDays(DaysAhead + 1)).ToInstant();
        if (!string.IsNullOrEmpty(from) || !string.IsNullOrEmpty(to))
        {
            var window = QueryWindow.Parse(from, to, zone);
            if (window.Problem is { } problem) return problem;
            if (!string.IsNullOrEmpty(from)) start = window.From;
            if (!string.IsNullOrEmpty(to)) end = window.To;
            if (end <= start) return Problem.Invalid("to", "must be after from");
        }
        if (end - start > Duration.FromDays(MaxWindowDays)) return Problem.Invalid("to", $"the window may span at most {MaxWindowDays} days");

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
        return new FeedQuery(start, end, kinds, showBanners);
    }

    /// <summary>A canonical text of the query, part of the feed's ETag.</summary>
    public string CacheKey =>
        $"{InstantPattern.General.Format(From)}/{InstantPattern.General.Format(To)}/{(Kinds is null ? "*" : string.Join(",", Kinds.Order()))}/{Banners?.ToString() ?? "-"}";
}
