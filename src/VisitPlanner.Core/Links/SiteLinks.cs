using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Links;

/// <summary>
/// Every link the app hands out (feeds, pages, JSON <c>feedUrl</c>/<c>pageUrl</c>, subscribe buttons, QR codes, Location
/// headers), built in one place from the site's <see cref="Origin"/> (scheme, host and path base: the configured public
/// base URL, or the request's) and the host's route prefix. Ids are URL-safe by construction (<see cref="Identifier"/>).
/// </summary>
public sealed record SiteLinks
{
    public SiteLinks(string origin, string routePrefix)
    {
        Origin = origin.TrimEnd('/');
        RoutePrefix = routePrefix.Trim('/');
    }

    /// <summary>"https://visits.example.gov.cn", without a trailing slash.</summary>
    public string Origin { get; }

    /// <summary>"api" (host.json's <c>extensions.http.routePrefix</c>), possibly empty.</summary>
    public string RoutePrefix { get; }

    /// <summary>The path of a route, with its values filled in: "/api/events/abc".</summary>
    public string PathOf(string route, params (string Name, string Value)[] values)
    {
        var path = route;
        foreach (var (name, value) in values) path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        return RoutePrefix.Length == 0 ? "/" + path : $"/{RoutePrefix}/{path}";
    }

    public string Absolute(string path) => Origin + path;

    public string EventPath(string eventId) => PathOf(Routes.Event, ("id", eventId));

    public string SeriesPage(string seriesId) => Absolute(PathOf(Routes.SeriesPage, ("seriesId", seriesId)));

    /// <summary>
    /// An event's page. Opened with a token, the link also names the agenda the token belongs to
    /// (<c>&amp;calendar=…</c> or <c>&amp;person=…</c>), so the page checks that one subscription rather than trying the
    /// token on every calendar and person of the event.
    /// </summary>
    public string EventPage(string eventId, string? token, AgendaKey? via = null)
    {
        var link = Absolute(PathOf(Routes.EventPage, ("id", eventId))) + TokenQuery(token);
        return token is null || via is not { } agenda ? link : $"{link}&{PageVia.ParameterOf(agenda.Kind)}={Uri.EscapeDataString(agenda.Id)}";
    }

    public string Feed(AgendaKey agenda, string? token) => Absolute(agenda.Kind == AgendaKind.Calendar
        ? PathOf(Routes.CalendarFeed, ("calendarId", agenda.Id))
        : PathOf(Routes.PersonFeed, ("personId", agenda.Id))) + TokenQuery(token);

    /// <summary>Only calendars have pages; a person's schedule is read in their feed.</summary>
    public string CalendarPage(string calendarId, string? token) => Absolute(PathOf(Routes.CalendarPage, ("calendarId", calendarId))) + TokenQuery(token);

    public string Subscriptions(AgendaKey agenda) => Absolute(agenda.Kind == AgendaKind.Calendar
        ? PathOf(Routes.CalendarSubscriptions, ("calendarId", agenda.Id))
        : PathOf(Routes.PersonSubscriptions, ("personId", agenda.Id)));

    public string SubscriptionPath(AgendaKey agenda, string subscriptionId) => agenda.Kind == AgendaKind.Calendar
        ? PathOf(Routes.CalendarSubscription, ("calendarId", agenda.Id), ("subscriptionId", subscriptionId))
        : PathOf(Routes.PersonSubscription, ("personId", agenda.Id), ("subscriptionId", subscriptionId));

    private static string TokenQuery(string? token) => token is null ? "" : $"?token={token}";
}
