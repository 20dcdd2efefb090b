using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// HTML pages for people: a calendar's coming agenda with its subscribe links, and an event's printable itinerary.
/// Anonymous, like feeds: a public calendar's pages are open, anything else needs a subscription token in the URL
/// (<c>?token=</c>), the same one its feed takes. Pages are self-contained, so the policy allows nothing from outside.
/// </summary>
public sealed class PageFunctions(PageService pages, PublicLinks links)
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    /// <summary>Inline style and script of our own, images only as data: URLs (the QR code); nothing else, from nowhere.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    [Function("GetCalendarPage")]
    public async Task<IActionResult> CalendarPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.CalendarPage)] HttpRequest request,
        string calendarId, CancellationToken cancellationToken) =>
        Serve(await pages.CalendarAsync(calendarId, request.Query["token"], links.For(request), cancellationToken));

    [Function("GetEventPage")]
    public async Task<IActionResult> EventPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.EventPage)] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        Serve(await pages.EventAsync(id, request.Query["token"], links.For(request), cancellationToken));

    private static IActionResult Serve(Outcome<RenderedPage> page)
    {
        if (page.Problem is { } problem) return Responses.Problem(problem);
        var rendered = page.Value!;
        return new BytesResult(200, HtmlContentType, rendered.Body, new Dictionary<string, string>
        {
            ["Content-Security-Policy"] = ContentSecurityPolicy,
            // The URL may carry a token: never send it on as a Referer, never let a shared cache keep the page.
            ["Referrer-Policy"] = "no-referrer",
            ["X-Content-Type-Options"] = "nosniff",
            ["Cache-Control"] = rendered.OpenedWithToken ? "private, no-store" : "public, max-age=60",
        });
    }
}
