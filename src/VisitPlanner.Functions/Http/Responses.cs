using Microsoft.AspNetCore.Mvc;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>Maps service outcomes to HTTP responses, so every function answers the same way.</summary>
public static class Responses
{
    public const string Json = "application/json; charset=utf-8";

    /// <summary>The problem when there is one, else what <paramref name="answer"/> makes of the value.</summary>
    public static IActionResult From<T>(Outcome<T> outcome, Func<T, IActionResult> answer) =>
        outcome.Problem is { } problem ? Problem(problem) : answer(outcome.Value!);

    /// <param name="warnings">What the write's body was read as where that differs from how it was sent (answers to writes only).</param>
    public static IActionResult Event(VisitEvent visit, int status = 200, string? location = null, IReadOnlyDictionary<string, string>? extraHeaders = null,
        IReadOnlyList<FieldWarning>? warnings = null)
    {
        var headers = new Dictionary<string, string>(extraHeaders ?? new Dictionary<string, string>()) { ["ETag"] = EventETags.Of(visit) };
        if (location is not null) headers["Location"] = location;
        return new BytesResult(status, Json, EventJsonWriter.ToUtf8(visit, warnings), headers);
    }

    public static IActionResult Calendar(VisitCalendar calendar, SiteLinks links, int status = 200) =>
        new BytesResult(status, Json, CalendarJson.ToUtf8(calendar, links));

    public static IActionResult Person(Person person, SiteLinks links, int status = 200) =>
        new BytesResult(status, Json, PersonJson.ToUtf8(person, links));

    public static IActionResult Listing(EventListingPage page)
    {
        var body = JsonOutput.ToUtf8(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("events");
            foreach (var entry in page.Entries) EventJsonWriter.Write(writer, entry.Event, occurrencesIn: page.Window);
            writer.WriteEndArray();
            if (page.ContinuationToken is not null) writer.WriteString("continuationToken", page.ContinuationToken);
            writer.WriteEndObject();
        });
        return new BytesResult(200, Json, body);
    }

    public static IActionResult Problem(Problem problem) => new ProblemResult(problem);
}
