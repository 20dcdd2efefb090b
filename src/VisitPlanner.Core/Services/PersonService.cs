using System.Text.Json;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Core.Services;

/// <summary>Creating, changing and reading people, whose personal feeds gather what they take part in.</summary>
public sealed class PersonService(IPersonRepository people, FeedCache cache, IClock clock)
{
    public sealed record Saved(Person Person, bool Created);

    public async Task<Outcome<Saved>> PutAsync(string id, JsonElement body, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(id) is { } idProblem) return Problem.Invalid("personId", idProblem);
        var (draft, errors) = PersonJson.ReadDraft(body);
        if (draft is null) return Problem.Invalid(errors);
        if (BodyIdentity.Contradicts(body, id))
            return Problem.Invalid("id", $"does not match the person id '{id}' in the URL");
        var person = new Person(id, draft.Name, draft.Title, draft.Organization, draft.Email, draft.TimeZone, Clocks.Now(clock));
        var created = await people.UpsertAsync(person, cancellationToken);
        cache.Invalidate(AgendaKey.Person(id));
        return new Saved(person, created);
    }

    public async Task<Outcome<Person>> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(id) is { } idProblem) return Problem.Invalid("personId", idProblem);
        var person = await people.GetAsync(id, cancellationToken);
        return person is null ? Problem.NotFound($"Person '{id}'") : person;
    }
}
