using NodaTime.Text;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// What a subscriber narrowed in a feed URL: the window (by default 90 days back to 400 days ahead), the kinds
/// (<c>kind=studyTrip,trainingLecture</c>) and trip banners (<c>banners=false</c>). Read by <c>Services.QueryParameters</c>.
/// </summary>
public sealed record FeedQuery(QueryWindow Window, IReadOnlySet<EventKind>? Kinds, bool? Banners)
{
    public const int DaysBack = 90;
    public const int DaysAhead = 400;
    public const int MaxWindowDays = 3660;

    /// <summary>A canonical text of the query, part of the feed's ETag.</summary>
    public string CacheKey =>
        $"{InstantPattern.General.Format(Window.From)}/{InstantPattern.General.Format(Window.To)}/{(Kinds is null ? "*" : string.Join(",", Kinds.Order()))}/{Banners?.ToString() ?? "-"}";
}
