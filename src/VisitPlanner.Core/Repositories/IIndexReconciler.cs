namespace VisitPlanner.Core.Repositories;

/// <summary>
/// Repairs the derived rows (agenda index, completion index) after a write was interrupted between the event and
/// its index: bounded work per run, resumable where the last run stopped.
/// </summary>
public interface IIndexReconciler
{
    Task<ReconcileReport> RunAsync(int eventBudget, int rowBudget, CancellationToken cancellationToken);
}
