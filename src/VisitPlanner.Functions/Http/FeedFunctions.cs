using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// iCalendar feeds that Outlook, Google, Apple Calendar and Thunderbird poll. Anonymous: a public calendar's
/// feed is open, anything else needs the subscription token in its URL. Responses are never compressed
/// (compressed feeds break Outlook subscriptions) and answer conditional requests with 304.
/// </summary>
public sealed class FeedFunctions(FeedService feeds, FunctionGuard guard)
{
    public const string CalendarContentType = "text/calendar; charset=utf-8";

    [Function("GetCalendarFeed")]
    public Task<IActionResult> CalendarFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "calendars/{calendarId}/feed.ics")] HttpRequest request,
        string calendarId, CancellationToken cancellationToken) =>
        guard.RunAsync(request, () => ServeAsync(AgendaKey.Calendar(calendarId), request, cancellationToken));

    [Function("GetPersonFeed")]
    public Task<IActionResult> PersonFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "people/{personId}/feed.ics")] HttpRequest request,
        string personId, CancellationToken cancellationToken) =>
        guard.RunAsync(request, () => ServeAsync(AgendaKey.Person(personId), request, cancellationToken));

    private async Task<IActionResult> ServeAsync(AgendaKey agenda, HttpRequest request, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var headers = request.GetTypedHeaders();
        var feed = await feeds.GetAsync(new FeedRequest(
            agenda, query["token"], query["from"], query["to"], query["kind"], query["banners"],
            request.Headers.IfNoneMatch, headers.IfModifiedSince, Responses.BaseUrl(request)), cancellationToken);
        if (feed.Problem is { } problem) return Responses.Problem(problem);

        var response = feed.Value!;
        var responseHeaders = new Dictionary<string, string>
        {
            ["ETag"] = response.ETag,
            ["Last-Modified"] = response.LastModified.ToDateTimeOffset().ToString("R"),
            // Short-lived so edits show within minutes; "private" keeps shared caches from storing a secret URL's answer.
            ["Cache-Control"] = response.IsPublic ? "public, max-age=300" : "private, max-age=300",
            ["Content-Disposition"] = $"inline; filename=\"{response.FileName}\"",
        };
        return response.NotModified
            ? new StatusResult(304, responseHeaders)
            : new BytesResult(200, CalendarContentType, response.Body!, responseHeaders);
    }
}
