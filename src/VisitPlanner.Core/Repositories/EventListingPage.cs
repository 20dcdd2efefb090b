using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Repositories;

/// <summary>One page of a listing and the token for the next, null on the last page.</summary>
public sealed record EventListingPage(IReadOnlyList<AgendaEntry> Entries, string? ContinuationToken)
{
    public IEnumerable<VisitEvent> Events => Entries.Select(e => e.Event);

    /// <summary>The window listed, where a listing asked for one: a series shows its occurrences in it.</summary>
    public QueryWindow? Window { get; init; }
}
