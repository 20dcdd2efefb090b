using Microsoft.Extensions.Logging;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Core.Services;

/// <summary>
/// Marks events whose last item has ended as completed. Safe to run late, twice or concurrently: it acts
/// only on events that are open and ended now, each change is a conditional write, and index entries that
/// no longer match their event are dropped so they are not read again.
/// </summary>
public sealed class CompletionService(IEventRepository events, IClock clock, ILogger<CompletionService> logger)
{
    public const int BatchSize = 100;

    /// <summary>Batches per run: bounds one run's work; what is left waits for the next run.</summary>
    public const int MaxBatches = 20;

    public async Task<int> CompleteEndedEventsAsync(CancellationToken cancellationToken)
    {
        var now = Clocks.Now(clock);
        var completed = 0;
        CompletionEntry? last = null;
        for (var batch = 0; batch < MaxBatches; batch++)
        {
            // Each batch goes on after the last one, so entries left behind (an unreadable event) are not read again.
            var due = await events.EndedOpenEventsAsync(now, BatchSize, cancellationToken, after: last);
            foreach (var entry in due)
            {
                if (await CompleteAsync(entry, now, cancellationToken)) completed++;
            }
            if (due.Count < BatchSize) break;
            last = due[^1];
        }
        logger.LogInformation("Completed {Count} ended events", completed);
        return completed;
    }

    private async Task<bool> CompleteAsync(CompletionEntry entry, Instant now, CancellationToken cancellationToken)
    {
        StoredEvent? stored;
        try
        {
            stored = await events.GetAsync(entry.EventId, cancellationToken);
        }
        catch (UnreadableEventException e)
        {
            // Its entry stays, so the event is completed once its document is repaired; the others go on meanwhile.
            logger.LogError(e, "Event {EventId} ended but cannot be read, so it is not completed", e.EventId);
            return false;
        }
        if (stored is null || !stored.Event.Status.IsOpen() || stored.Event.EndsAt != entry.EndsAt)
        {
            await events.RemoveCompletionEntryAsync(entry, cancellationToken);
            return false;
        }
        if (stored.Event.EndsAt > now) return false;
        var next = stored.Event with { Status = EventStatus.Completed, Revision = stored.Event.Revision + 1, UpdatedAt = now };
        try
        {
            await events.ReplaceAsync(stored, next, cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            // Changed meanwhile; the write that changed it also rewrote its index entry, which the next run reads.
            return false;
        }
    }
}
