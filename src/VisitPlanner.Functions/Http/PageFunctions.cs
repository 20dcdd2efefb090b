using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Pages;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// HTML pages for people: a calendar's coming agenda with its subscribe links, and an event's printable itinerary.
/// Anonymous, like feeds: a public calendar's pages are open, anything else needs a subscription token in the URL
/// (<c>?token=</c>), the same one its feed takes. Pages are self-contained, so the policy allows nothing from outside.
/// A page that cannot be shown answers a browser with an HTML error page and anything else with problem+json
/// (<see cref="PageProblems"/>), here and, for failures the function throws, in <see cref="HttpFunctionMiddleware"/>.
/// </summary>
public sealed class PageFunctions(PageService pages, PublicLinks links)
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    /// <summary>Inline style and script of our own, images only as data: URLs (the QR code); nothing else, from nowhere.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public const string CalendarPageFunction = "GetCalendarPage";

    public const string EventPageFunction = "GetEventPage";

    /// <summary>
    /// What every page answer carries, error pages too. The URL may carry a token: never send it on as a Referer.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PageHeaders = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["Referrer-Policy"] = "no-referrer",
        ["X-Content-Type-Options"] = "nosniff",
    };

    /// <summary>The page a function serves, or null for a function that serves none (the API, feeds, timers).</summary>
    public static RequestedPage? PageOf(string functionName) => functionName switch
    {
        CalendarPageFunction => RequestedPage.Calendar,
        EventPageFunction => RequestedPage.Event,
        _ => null,
    };

    [Function(CalendarPageFunction)]
    public async Task<IActionResult> CalendarPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.CalendarPage)] HttpRequest request,
        string calendarId, CancellationToken cancellationToken) =>
        Serve(request, RequestedPage.Calendar, await pages.CalendarAsync(calendarId, RequestValues.Query(request, "token"), links.For(request), cancellationToken));

    [Function(EventPageFunction)]
    public async Task<IActionResult> EventPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.EventPage)] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        Serve(request, RequestedPage.Event, await pages.EventAsync(id, RequestValues.Query(request, "token"), Via(request), links.For(request), cancellationToken));

    /// <summary>The agenda an event page link says its token opens (<c>calendar=</c> or <c>person=</c>), if it says.</summary>
    private static AgendaKey? Via(HttpRequest request)
    {
        var calendar = RequestValues.Query(request, PageVia.Calendar);
        var person = RequestValues.Query(request, PageVia.Person);
        if (calendar is not null && person is not null)
            throw new ProblemException(Problem.Invalid(PageVia.Person, "cannot be given with calendar: a token opens one agenda"));
        return calendar is not null ? AgendaKey.Calendar(calendar) : person is not null ? AgendaKey.Person(person) : null;
    }

    private static IActionResult Serve(HttpRequest request, RequestedPage kind, Outcome<RenderedPage> page)
    {
        if (page.Problem is { } problem) return PageProblems.For(request, problem, kind);
        var rendered = page.Value!;
        var headers = new Dictionary<string, string>(PageHeaders)
        {
            // A page opened with a token links with it too: no shared cache may keep it.
            ["Cache-Control"] = rendered.OpenedWithToken ? "private, no-store" : "public, max-age=60",
        };
        return new BytesResult(200, HtmlContentType, rendered.Body, headers);
    }
}
