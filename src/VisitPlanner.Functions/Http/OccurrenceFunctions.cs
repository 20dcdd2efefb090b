using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>The occurrences of a recurring event: listed, overridden or cancelled one at a time, by original date.</summary>
public sealed class OccurrenceFunctions(OccurrenceService occurrences, PublicLinks links)
{
    [Function("ListOccurrences")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = Routes.EventOccurrences)] HttpRequest request,
        string id, CancellationToken cancellationToken)
    {
        var listed = await occurrences.ListAsync(id, RequestValues.Query(request, "from"), RequestValues.Query(request, "to"), cancellationToken);
        return Responses.From(listed, l => new BytesResult(200, Responses.Json, OccurrenceJson.Listing(l.Event, l.Occurrences),
            new Dictionary<string, string> { ["ETag"] = EventETags.Of(l.Event) }));
    }

    [Function("ReplaceOccurrence")]
    public async Task<IActionResult> Replace(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = Routes.EventOccurrence)] HttpRequest request,
        string id, string date, CancellationToken cancellationToken)
    {
        using var body = await JsonRequest.ReadAsync(request, cancellationToken);
        var edited = await occurrences.PutAsync(id, date, body.RootElement, EventETags.Precondition(request), links.For(request).EventPath(id), cancellationToken);
        return Responses.From(edited, Answer);
    }

    [Function("CancelOccurrence")]
    public async Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = Routes.EventOccurrence)] HttpRequest request,
        string id, string date, CancellationToken cancellationToken) =>
        Responses.From(await occurrences.CancelAsync(id, date, EventETags.Precondition(request), links.For(request).EventPath(id), cancellationToken), Answer);

    /// <summary>The occurrence as it is now, with the event's new ETag for the next edit.</summary>
    private static IActionResult Answer(OccurrenceService.Edited edited) =>
        new BytesResult(200, Responses.Json, OccurrenceJson.One(edited.Event, edited.Occurrence),
            new Dictionary<string, string> { ["ETag"] = EventETags.Of(edited.Event) });
}
