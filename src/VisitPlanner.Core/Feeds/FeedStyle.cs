using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// What of a <see cref="FeedSource"/> shapes every VEVENT it writes (whose agenda, private or not, the alarm, banners,
/// colours), as a value: two feeds of one style write an event alike, apart from its page link.
/// </summary>
public sealed record FeedStyle(string? PersonId, bool IsPrivate, int? AlarmMinutesBefore, bool ShowBanners, string Colors)
{
    public static FeedStyle Of(FeedSource source) => new(source.PersonId, source.IsPrivate, source.AlarmMinutesBefore, source.ShowBanners,
        string.Join(",", Enum.GetValues<EventKind>().Select(source.ColorOf)));
}
