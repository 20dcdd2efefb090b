using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;

namespace VisitPlanner.Core.Services;

/// <summary>
/// The most one event may add to a feed: <see cref="MaxBytes"/> of iCalendar, measured at write time as a calendar's
/// feed shows it (banner, reminders, links as long as a subscription's), so an organizer learns of it when posting and
/// no feed meets an event it cannot hold. A person's feed shows at most as much.
/// </summary>
public static class EventFeedLimit
{
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>As long as the longest event link a feed carries: a long host name, the route, and a subscription token.</summary>
    private static readonly string LongestLink = "https://" + new string('x', 120) + "/api/events/" + new string('x', 64) + "/page?token=" + new string('x', SubscriptionToken.Length);

    /// <summary>Null when <paramref name="visit"/> fits, else the problem to answer.</summary>
    public static Problem? Check(VisitEvent visit, LocalDate today)
    {
        var source = new FeedSource("", null, visit.TimeZone, VisitCalendar.DefaultRefreshMinutes, VisitCalendar.DefaultAlarmMinutes,
            ShowBanners: true, PersonId: null, today, _ => LongestLink);
        var bytes = FeedRenderer.MeasureEvent(source, new AgendaEntry(visit), MaxBytes);
        if (bytes <= MaxBytes) return null;
        var stops = visit.Itinerary.Count;
        return Problem.TooLarge("itinerary",
            $"in a calendar feed this event would take more than {MaxBytes / 1024} KiB of iCalendar, more than one event may: each of its {stops} stops is its own entry, " +
            $"carrying the event's participants ({visit.Participants.Count}) and description; split it into several events, or list fewer people or stops");
    }
}
