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

    public static IActionResult Event(VisitEvent visit, int status = 200, string? location = null, IReadOnlyDictionary<string, string>? extraHeaders = null)
    {
        var headers = new Dictionary<string, string>(extraHeaders ?? new Dictionary<string, string>()) { ["ETag"] = visit.ETag };
        if (location is not null) headers["Location"] = location;
        return new BytesResult(status, Json, EventJsonWriter.ToUtf8(visit), headers);
    }

    public static IActionResult Calendar(VisitCalendar calendar, HttpRequest request, int status = 200) =>
        new BytesResult(status, Json, CalendarJson.ToUtf8(calendar, BaseUrl(request)));

    public static IActionResult Person(Person person, HttpRequest request, int status = 200) =>
        new BytesResult(status, Json, PersonJson.ToUtf8(person, BaseUrl(request)));

    /// <summary>Scheme, host and path base the client used: links we hand out point back the way it came.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static IActionResult Page(EventPage page)
    {
        var body = JsonOutput.ToUtf8(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("events");
            foreach (var entry in page.Entries) EventJsonWriter.Write(writer, entry.Event);
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
