using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Repositories;

/// <summary>The per-agenda index that feeds and listings read: one partition per calendar and per person.</summary>
public interface IAgendaRepository
{
    /// <summary>The agenda's head, and the subscription <paramref name="subscriptionId"/> if given, in one read; null when the agenda does not exist.</summary>
    Task<AgendaHead?> ReadHeadAsync(AgendaKey agenda, string? subscriptionId, CancellationToken cancellationToken);

    /// <summary>
    /// Events of one agenda that overlap the window, a page at a time, read from that agenda's index only, with
    /// withdrawn entries when <paramref name="includeWithdrawn"/>; throws <see cref="InvalidContinuationTokenException"/>
    /// for a token it did not issue.
    /// </summary>
    Task<EventListingPage> ListAsync(AgendaKey agenda, QueryWindow window, bool includeWithdrawn, string? continuationToken, int pageSize, CancellationToken cancellationToken);
}
