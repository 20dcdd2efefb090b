using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Functions.Timers;

/// <summary>
/// Every ten minutes (UTC), repairs index rows left behind when a write was interrupted between an event and its
/// index. Bounded per run and resumable, so a large account is covered over several runs; idempotent, so a late
/// or repeated run does no harm.
/// </summary>
public sealed class ReconcileIndexesTimer(IIndexReconciler reconciler)
{
    public const string Schedule = "0 */10 * * * *";
    public const int EventsPerRun = 500;
    public const int RowsPerRun = 2000;

    [Function("ReconcileIndexes")]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        reconciler.RunAsync(EventsPerRun, RowsPerRun, cancellationToken);
}
