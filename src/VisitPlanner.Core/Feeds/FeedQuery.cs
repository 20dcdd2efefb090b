using NodaTime.Text;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// What a subscriber narrowed in a feed URL: the window (by default 90 days back to 400 days ahead), the kinds
/// (<c>kind=studyTrip,trainingLecture</c>), trip banners (<c>banners=false</c>) and one numbered series' sessions
/// (<c>series=jingkai-lectures</c>). Read by <c>Services.QueryParameters</c>.
/// </summary>
public sealed record FeedQuery(QueryWindow Window, IReadOnlySet<EventKind>? Kinds, bool? Banners)
{
    /// <summary>Only the sessions of this series, when given.</summary>
    public string? SeriesId { get; init; }

    /// <summary>Whether an event is one this query shows, by kind and series.</summary>
    public bool Shows(VisitEvent visit) => (Kinds is null || Kinds.Contains(visit.Kind)) && (SeriesId is null || visit.Lecture?.SeriesId == SeriesId);

    public const int DaysBack = 90;
    public const int DaysAhead = 400;
    public const int MaxWindowDays = 3660;

    /// <summary>A canonical text of the query, part of the feed's ETag.</summary>
    public string CacheKey =>
        $"{InstantPattern.General.Format(Window.From)}/{InstantPattern.General.Format(Window.To)}/{(Kinds is null ? "*" : string.Join(",", Kinds.Order()))}/{Banners?.ToString() ?? "-"}/{SeriesId ?? "*"}";
}
