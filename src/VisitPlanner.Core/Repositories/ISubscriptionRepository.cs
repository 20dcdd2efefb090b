using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Repositories;

/// <summary>Secret feed URLs of calendars and people.</summary>
public interface ISubscriptionRepository
{
    Task CreateAsync(Subscription subscription, CancellationToken cancellationToken);

    Task<IReadOnlyList<Subscription>> ListAsync(AgendaKey agenda, CancellationToken cancellationToken);

    /// <summary>False when there was no such subscription.</summary>
    Task<bool> DeleteAsync(AgendaKey agenda, string subscriptionId, CancellationToken cancellationToken);

    Task RecordFetchAsync(AgendaKey agenda, string subscriptionId, Instant fetchedAt, CancellationToken cancellationToken);
}
