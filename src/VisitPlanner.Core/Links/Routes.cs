
namespace VisitPlanner.Core.Links;

/// <summary>
/// The route of every HTTP function, below the host's route prefix: the function classes name them in their
/// <c>[HttpTrigger]</c> attributes, and <see cref="SiteLinks"/> fills them in for links, so a link always leads to the
/// function that serves it (the dev host's tests check every link against the function catalog).
/// </summary>
public static class Routes
{
    public const string Calendar = "calendars/{calendarId}";
    public const string CalendarFeed = "calendars/{calendarId}/feed.ics";
    public const string CalendarPage = "calendars/{calendarId}/page";
    public const string CalendarImport = "calendars/{calendarId}/import";
    public const string CalendarSubscriptions = "calendars/{calendarId}/subscriptions";
    public const string CalendarSubscription = "calendars/{calendarId}/subscriptions/{subscriptionId}";
    public const string Person = "people/{personId}";
    public const string PersonFeed = "people/{personId}/feed.ics";
    public const string PersonSubscriptions = "people/{personId}/subscriptions";
    public const string PersonSubscription = "people/{personId}/subscriptions/{subscriptionId}";
    public const string Events = "events";
    public const string Event = "events/{id}";
    public const string EventPage = "events/{id}/page";
    public const string Series = "series/{seriesId}";
    public const string SeriesPage = "series/{seriesId}/page";
    public const string EventOccurrences = "events/{id}/occurrences";
    public const string EventOccurrence = "events/{id}/occurrences/{date}";
    public const string ChinaHolidays = "holidays/cn/{year}";
}
