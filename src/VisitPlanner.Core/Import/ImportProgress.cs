using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Import;

/// <summary>
/// What an import did so far, entry by entry: kept by the caller, so that when storage fails halfway the answer still says
/// which events were written (each whole) and which were not reached. Safe for the import's concurrent writers.
/// </summary>
public sealed class ImportProgress
{
    private readonly object _gate = new();
    private readonly List<ImportedEntry> _done = [];
    private readonly List<SkippedEvent> _skipped = [];
    private readonly List<ImportWarning> _warnings = [];

    public sealed record ImportedEntry(string Uid, string? RecurrenceId, int Line, string EventId, ImportResult Result);

    public sealed record ImportWarning(string Uid, int Line, string Message);

    public bool DryRun { get; private set; }

    public int Total { get; private set; }

    public void Start(ImportPlan plan, bool dryRun)
    {
        lock (_gate)
        {
            DryRun = dryRun;
            Total = plan.Events.Count + plan.Skipped.Count;
            _skipped.AddRange(plan.Skipped);
            foreach (var entry in plan.Events) _warnings.AddRange(entry.Warnings.Select(w => new ImportWarning(entry.Uid, entry.Line, w)));
        }
    }

    public void Done(ImportedEvent entry, ImportResult result, string eventId, IReadOnlyList<FieldWarning> warnings)
    {
        lock (_gate)
        {
            _done.Add(new ImportedEntry(entry.Uid, entry.RecurrenceId, entry.Line, eventId, result));
            _warnings.AddRange(warnings.Select(w => new ImportWarning(entry.Uid, entry.Line, w.ToString())));
        }
    }

    /// <summary>A skipped entry whose earlier import was cancelled because the source cancelled it.</summary>
    public void Cancelled(SkippedEvent entry, string eventId)
    {
        lock (_gate) _done.Add(new ImportedEntry(entry.Uid!, null, entry.Line, eventId, ImportResult.Cancelled));
    }

    public void Skip(ImportedEvent entry, string reason)
    {
        lock (_gate) _skipped.Add(new SkippedEvent(entry.Uid, entry.Line, reason));
    }

    public IReadOnlyList<ImportedEntry> Done() { lock (_gate) return [.. _done.OrderBy(d => d.Line)]; }

    public IReadOnlyList<SkippedEvent> Skipped() { lock (_gate) return [.. _skipped.OrderBy(s => s.Line)]; }

    public IReadOnlyList<ImportWarning> Warnings() { lock (_gate) return [.. _warnings.OrderBy(w => w.Line)]; }

    public int Count(ImportResult result) { lock (_gate) return _done.Count(d => d.Result == result); }
}
