using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>iCalendar feeds that Outlook, Google, Apple Calendar and Thunderbird subscribe to.</summary>
public sealed class FeedFunctions(FeedService feeds)
{
    public const string CalendarContentType = "text/calendar; charset=utf-8";

    [Function("GetCalendarFeed")]
    public async Task<IActionResult> CalendarFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "calendars/{calendarId}/feed.ics")] HttpRequest request,
        string calendarId, CancellationToken cancellationToken)
    {
        var feed = await feeds.RenderAsync(calendarId, request.Query["from"], request.Query["to"], cancellationToken);
        if (feed.Problem is { } problem) return Responses.Problem(problem);
        var headers = new Dictionary<string, string>
        {
            ["Content-Disposition"] = $"inline; filename=\"{feed.Value!.FileName}\"",
        };
        return new BytesResult(200, CalendarContentType, Encoding.UTF8.GetBytes(feed.Value.Content), headers);
    }
}
