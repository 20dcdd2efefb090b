using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// Everything a feed shows besides its events: whose agenda it is, how clients should present it, and
/// <see cref="Today"/>, the day (in the agenda's zone) that decides which tombstones have lapsed. The output
/// depends on nothing else, so one agenda version, query and day always render the same bytes.
/// </summary>
public sealed record FeedSource(
    string Name,
    string? Description,
    DateTimeZone TimeZone,
    int RefreshMinutes,
    int? AlarmMinutesBefore,
    bool ShowBanners,
    string? PersonId,
    LocalDate Today,
    Func<string, string?> EventUrl)
{
    public static FeedSource For(AgendaHead head, FeedQuery query, LocalDate today, Func<string, string?> eventUrl) => head.Calendar is { } calendar
        ? new(calendar.Name, calendar.Description, calendar.TimeZone, calendar.RefreshMinutes, calendar.AlarmMinutesBefore,
            query.Banners ?? calendar.ShowBanners, null, today, eventUrl)
        : new($"{head.Person!.Name} · 我的行程 My schedule", null, head.Person.TimeZone, VisitCalendar.DefaultRefreshMinutes,
            VisitCalendar.DefaultAlarmMinutes, query.Banners ?? true, head.Person.Id, today, eventUrl);

    /// <summary>Tombstones (cancelled events, removed items, withdrawn entries) older than this have lapsed.</summary>
    public Instant TombstoneCutoff => TimeZone.AtStartOfDay(Today).ToInstant() - Retention.Tombstones;
}
