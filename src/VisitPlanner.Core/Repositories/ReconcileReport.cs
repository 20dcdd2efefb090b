namespace VisitPlanner.Core.Repositories;

/// <summary>What one reconciler run did, and whether each of its two passes reached the end (and starts over next run).</summary>
public sealed record ReconcileReport(int EventsChecked, int RowsRestored, int RowsChecked, int RowsRemoved, bool EventsPassComplete, bool RowsPassComplete);
