namespace VisitPlanner.Core.Repositories;

/// <summary>
/// What one reconciler run did, and whether each of its two passes reached the end (and starts over next run). Events
/// whose documents cannot be read are counted, and their index rows left alone, rather than stopping the pass.
/// </summary>
public sealed record ReconcileReport(int EventsChecked, int RowsRestored, int RowsChecked, int RowsRemoved, bool EventsPassComplete, bool RowsPassComplete)
{
    public int UnreadableEvents { get; init; }

    public int RowsLeftForUnreadableEvents { get; init; }
}
