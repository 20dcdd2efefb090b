using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>Maps service outcomes to HTTP responses, so every function answers the same way.</summary>
public static class Responses
{
    public const string Json = "application/json; charset=utf-8";

    public static IActionResult Event(VisitEvent visit, int status = 200, string? location = null)
    {
        var headers = new Dictionary<string, string> { ["ETag"] = visit.ETag };
        if (location is not null) headers["Location"] = location;
        return new BytesResult(status, Json, EventJsonWriter.ToUtf8(visit), headers);
    }

    public static IActionResult Calendar(VisitCalendar calendar, HttpRequest request, int status = 200)
    {
        var feedUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{ResourcePath(request)}/feed.ics";
        return new BytesResult(status, Json, CalendarJson.ToUtf8(calendar, feedUrl));
    }

    public static IActionResult Page(EventPage page)
    {
        var body = JsonOutput.ToUtf8(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("events");
            foreach (var visit in page.Events) EventJsonWriter.Write(writer, visit);
            writer.WriteEndArray();
            if (page.ContinuationToken is not null) writer.WriteString("continuationToken", page.ContinuationToken);
            writer.WriteEndObject();
        });
        return new BytesResult(200, Json, body);
    }

    public static IActionResult Problem(Problem problem) => new ProblemResult(problem);

    /// <summary>The request's path without a trailing slash: resource URLs are built from it, so they carry whatever route prefix the host uses.</summary>
    public static string ResourcePath(HttpRequest request) => request.Path.Value!.TrimEnd('/');
}
