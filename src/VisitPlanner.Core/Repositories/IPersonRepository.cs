using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Repositories;

/// <summary>Where people are kept.</summary>
public interface IPersonRepository
{
    Task<Person?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the person; true when they did not exist before.</summary>
    Task<bool> UpsertAsync(Person person, CancellationToken cancellationToken);
}
