using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>Trips, lectures, visits, meetings and inspections with their itineraries.</summary>
public sealed class EventFunctions(EventService events, FunctionGuard guard)
{
    [Function("CreateEvent")]
    public Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "events")] HttpRequest request,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            var body = await JsonRequest.ReadAsync(request, cancellationToken);
            if (body.Problem is { } bodyProblem) return Responses.Problem(bodyProblem);
            using var json = body.Value!;
            string? idempotencyKey = request.Headers.TryGetValue("Idempotency-Key", out var key) ? key.ToString() : null;
            var created = await events.CreateAsync(json.RootElement, idempotencyKey, cancellationToken);
            if (created.Problem is { } problem) return Responses.Problem(problem);
            var (visit, replayed) = created.Value!;
            // A retry gets the answer the first request got: 201, the same Location, marked as a replay.
            return Responses.Event(visit, 201, location: $"{Responses.ResourcePath(request)}/{visit.Id}",
                extraHeaders: replayed ? new Dictionary<string, string> { ["Idempotent-Replayed"] = "true" } : null);
        });

    [Function("GetEvent")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "events/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            var found = await events.GetAsync(id, cancellationToken);
            return found.Problem is { } problem ? Responses.Problem(problem) : Responses.Event(found.Value!);
        });

    [Function("ReplaceEvent")]
    public Task<IActionResult> Replace(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "events/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            var body = await JsonRequest.ReadAsync(request, cancellationToken);
            if (body.Problem is { } bodyProblem) return Responses.Problem(bodyProblem);
            using var json = body.Value!;
            var replaced = await events.ReplaceAsync(id, json.RootElement, request.Headers.IfMatch, cancellationToken);
            return replaced.Problem is { } problem ? Responses.Problem(problem) : Responses.Event(replaced.Value!);
        });

    [Function("CancelEvent")]
    public Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "events/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            var cancelled = await events.CancelAsync(id, request.Headers.IfMatch, cancellationToken);
            return cancelled.Problem is { } problem
                ? Responses.Problem(problem)
                : new StatusResult(204, new Dictionary<string, string> { ["ETag"] = cancelled.Value!.ETag });
        });

    [Function("ListEvents")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "events")] HttpRequest request,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            var query = request.Query;
            var page = await events.ListAsync(query["calendar"], query["from"], query["to"], query["continuationToken"], query["pageSize"], cancellationToken);
            return page.Problem is { } problem ? Responses.Problem(problem) : Responses.Page(page.Value!);
        });
}
