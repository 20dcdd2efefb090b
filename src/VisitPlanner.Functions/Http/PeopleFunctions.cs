using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>People, whose personal feeds gather every item they take part in.</summary>
public sealed class PeopleFunctions(PersonService people, FunctionGuard guard)
{
    [Function("PutPerson")]
    public Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "people/{personId}")] HttpRequest request,
        string personId, CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            var body = await JsonRequest.ReadAsync(request, cancellationToken);
            if (body.Problem is { } bodyProblem) return Responses.Problem(bodyProblem);
            using var json = body.Value!;
            var saved = await people.PutAsync(personId, json.RootElement, cancellationToken);
            return saved.Problem is { } problem
                ? Responses.Problem(problem)
                : Responses.Person(saved.Value!.Person, request, saved.Value.Created ? 201 : 200);
        });

    [Function("GetPerson")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "people/{personId}")] HttpRequest request,
        string personId, CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            var person = await people.GetAsync(personId, cancellationToken);
            return person.Problem is { } problem ? Responses.Problem(problem) : Responses.Person(person.Value!, request);
        });
}
