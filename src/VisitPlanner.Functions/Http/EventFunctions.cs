using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>Trips, lectures, visits, meetings and inspections with their itineraries.</summary>
public sealed class EventFunctions(EventService events, PublicLinks links)
{
    [Function("CreateEvent")]
    public async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.Events)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        using var body = await JsonRequest.ReadAsync(request, cancellationToken);
        var idempotencyKey = RequestValues.Header(request, "Idempotency-Key");
        var created = await events.CreateAsync(body.RootElement, idempotencyKey, cancellationToken);
        // A retry gets 201 and the same Location, marked as a replay (docs/reliability.md).
        return Responses.From(created, c => Responses.Event(c.Event, 201, location: links.For(request).EventPath(c.Event.Id),
            extraHeaders: c.Replayed ? new Dictionary<string, string> { ["Idempotent-Replayed"] = "true" } : null, warnings: c.Warnings));
    }

    [Function("GetEvent")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = Routes.Event)] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        Responses.From(await events.GetAsync(id, cancellationToken), visit => Responses.Event(visit));

    [Function("ReplaceEvent")]
    public async Task<IActionResult> Replace(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = Routes.Event)] HttpRequest request,
        string id, CancellationToken cancellationToken)
    {
        using var body = await JsonRequest.ReadAsync(request, cancellationToken);
        var replaced = await events.ReplaceAsync(id, body.RootElement, EventETags.Precondition(request), links.For(request).EventPath(id), cancellationToken);
        return Responses.From(replaced, saved => Responses.Event(saved.Event, warnings: saved.Warnings));
    }

    [Function("CancelEvent")]
    public async Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = Routes.Event)] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        Responses.From(await events.CancelAsync(id, EventETags.Precondition(request), cancellationToken),
            visit => new StatusResult(204, new Dictionary<string, string> { ["ETag"] = EventETags.Of(visit) }));

    [Function("ListEvents")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = Routes.Events)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        string? Query(string name) => RequestValues.Query(request, name);
        var page = await events.ListAsync(Query("calendar"), Query("from"), Query("to"), Query("continuationToken"), Query("pageSize"), cancellationToken);
        return Responses.From(page, Responses.Listing);
    }
}
