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
    /// <summary>Whether the entries are someone's own (a private calendar's, a person's): CLASS:PRIVATE, so shared calendars hide them.</summary>
    public bool IsPrivate { get; init; }

    /// <summary>Each kind's colour (RFC 7986 COLOR): the calendar's, or <see cref="KindColors"/>' defaults.</summary>
    public Func<EventKind, string> ColorOf { get; init; } = KindColors.Default;

    public static FeedSource For(AgendaHead head, FeedQuery query, LocalDate today, Func<string, string?> eventUrl) => head.Calendar is { } calendar
        ? new(calendar.Name, calendar.Description, calendar.TimeZone, calendar.RefreshMinutes, calendar.AlarmMinutesBefore,
            query.Banners ?? calendar.ShowBanners, null, today, eventUrl)
        {
            IsPrivate = calendar.Visibility == Visibility.Private,
            ColorOf = calendar.ColorOf,
        }
        : new($"{head.Person!.Name} · 我的行程 My schedule", PersonalDescription(head.Person), head.Person.TimeZone, VisitCalendar.DefaultRefreshMinutes,
            VisitCalendar.DefaultAlarmMinutes, query.Banners ?? true, head.Person.Id, today, eventUrl)
        {
            IsPrivate = true,
        };

    /// <summary>What a personal feed is, in the words a calendar app shows under its name (X-WR-CALDESC).</summary>
    private static string PersonalDescription(Person person) =>
        $"{person.Name} 参加的全部行程，来自所有日历 · Every itinerary item {person.Name} takes part in, from every calendar";

    /// <summary>Tombstones (cancelled events, removed items, withdrawn entries) older than this have lapsed.</summary>
    public Instant TombstoneCutoff => TimeZone.AtStartOfDay(Today).ToInstant() - Retention.Tombstones;
}
