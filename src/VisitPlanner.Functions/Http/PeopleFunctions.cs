using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>People, whose personal feeds gather every item they take part in.</summary>
public sealed class PeopleFunctions(PersonService people, PublicLinks links)
{
    [Function("PutPerson")]
    public async Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = Routes.Person)] HttpRequest request,
        string personId, CancellationToken cancellationToken)
    {
        using var body = await JsonRequest.ReadAsync(request, cancellationToken);
        var saved = await people.PutAsync(personId, body.RootElement, cancellationToken);
        return Responses.From(saved, s => Responses.Person(s.Person, links.For(request), s.Created ? 201 : 200));
    }

    [Function("GetPerson")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = Routes.Person)] HttpRequest request,
        string personId, CancellationToken cancellationToken) =>
        Responses.From(await people.GetAsync(personId, cancellationToken), person => Responses.Person(person, links.For(request)));
}
