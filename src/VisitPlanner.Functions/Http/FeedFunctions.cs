using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// iCalendar feeds that Outlook, Google, Apple Calendar and Thunderbird poll. Anonymous: a public calendar's
/// feed is open, anything else needs the subscription token in its URL. Responses are never compressed
/// (compressed feeds break Outlook subscriptions) and answer conditional requests with 304.
/// </summary>
public sealed class FeedFunctions(FeedService feeds, PublicLinks links)
{
    public const string CalendarContentType = "text/calendar; charset=utf-8";

    [Function("GetCalendarFeed")]
    public Task<IActionResult> CalendarFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.CalendarFeed)] HttpRequest request,
        string calendarId, CancellationToken cancellationToken) =>
        ServeAsync(AgendaKey.Calendar(calendarId), request, cancellationToken);

    [Function("GetPersonFeed")]
    public Task<IActionResult> PersonFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.PersonFeed)] HttpRequest request,
        string personId, CancellationToken cancellationToken) =>
        ServeAsync(AgendaKey.Person(personId), request, cancellationToken);

    private async Task<IActionResult> ServeAsync(AgendaKey agenda, HttpRequest request, CancellationToken cancellationToken)
    {
        string? Query(string name) => RequestValues.Query(request, name);
        var feed = await feeds.GetAsync(new FeedRequest(
            agenda, Query("token"), new FeedParameters(Query("from"), Query("to"), Query("kind"), Query("banners"), Query("series")),
            FeedHeaders.ClientCopy(request), links.For(request), VersionOnly: HttpMethods.IsHead(request.Method)), cancellationToken);
        return Responses.From(feed, response =>
        {
            var headers = new Dictionary<string, string>
            {
                ["ETag"] = FeedHeaders.ETag(response.ETag),
                ["Last-Modified"] = response.LastModified.ToDateTimeOffset().ToString("R"),
                // Short-lived so edits show within minutes; "private" keeps shared caches from storing a secret URL's answer.
                ["Cache-Control"] = response.IsPublic ? "public, max-age=300" : "private, max-age=300",
                ["Content-Disposition"] = $"inline; filename=\"{response.FileName}\"",
            };
            if (response.NotModified) return new StatusResult(304, headers);
            if (response.Body is null)
            {
                // HEAD: the headers of the 200, without rendering a body for it (its length only when this instance has it).
                if (response.Length is { } length) headers["Content-Length"] = length.ToString();
                return new StatusResult(200, headers, CalendarContentType);
            }
            return new BytesResult(200, CalendarContentType, response.Body, headers);
        });
    }
}
