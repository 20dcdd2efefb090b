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
            var created = await events.CreateAsync(json.RootElement, cancellationToken);
            return created.Problem is { } problem
                ? Responses.Problem(problem)
                : Responses.Event(created.Value!, 201, location: $"{Responses.ResourcePath(request)}/{created.Value!.Id}");
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
