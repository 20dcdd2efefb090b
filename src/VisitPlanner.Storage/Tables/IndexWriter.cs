using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Writes an event's index partitions, several at once, each in one entity-group transaction guarded by the event's
/// <see cref="IndexLocator"/> in that partition: a write that finds a newer revision there leaves it alone, one that
/// loses a race re-reads and tries again. So acknowledged writes that overlap never leave a row behind at an older
/// revision, nor a second row of the same event under an old key.
/// </summary>
public sealed class IndexWriter(IClock clock)
{
    /// <summary>Index partitions written at once for one event (500 people and 20 calendars are 521 partitions).</summary>
    public const int Concurrency = 16;

    /// <summary>Attempts per partition when other writers keep changing its locator; each lost attempt means a newer write landed.</summary>
    public const int Attempts = 8;

    /// <summary>
    /// Writes every partition. Deliberately not cancellable: it runs after the event itself was written, and stopping
    /// halfway (a client that hung up) would leave the index behind the event until the reconciler came by.
    /// </summary>
    /// <returns>How many partitions were changed (the others already had this revision or a newer one).</returns>
    public async Task<int> WriteAsync(IReadOnlyList<IndexWrite> writes)
    {
        var changed = 0;
        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (write, _) =>
        {
            if (await WritePartitionAsync(write)) Interlocked.Increment(ref changed);
        });
        return changed;
    }

    private async Task<bool> WritePartitionAsync(IndexWrite write)
    {
        string? goneKey = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var existing = await write.Table.GetEntityIfExistsAsync<TableEntity>(write.PartitionKey, IndexLocator.RowKey(write.EventId), cancellationToken: CancellationToken.None);
            var locator = existing.HasValue ? existing.Value : null;
            if (locator is not null && IndexLocator.RevisionOf(locator) >= write.Revision) return false;

            var actions = new List<TableTransactionAction>();
            // The row the locator names; before locators (schema 1), the row the previous version would have had.
            var oldKey = locator is not null ? IndexLocator.IndexRowKeyOf(locator) : write.LegacyRowKey;
            var deletes = oldKey is not null && oldKey != write.Row?.RowKey && oldKey != goneKey;
            if (deletes) actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(write.PartitionKey, oldKey!), ETag.All));
            if (write.Row is not null) actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, write.Row));
            var next = IndexLocator.Entity(write.PartitionKey, write.EventId, write.Row?.RowKey, write.Revision);
            var locatorAt = actions.Count;
            actions.Add(locator is null
                ? new TableTransactionAction(TableTransactionActionType.Add, next)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, locator.ETag));
            if (write.TouchProfile)
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, EventIndexRows.ProfileTouch(write.PartitionKey, clock.GetCurrentInstant()), ETag.All));
            try
            {
                await write.Table.SubmitTransactionAsync(actions, CancellationToken.None);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == locatorAt && e.Status is 409 or 412)
            {
                // Another write of this event changed the partition meanwhile: read what it left, and decide again.
            }
            catch (TableTransactionFailedException e) when (deletes && e.FailedTransactionActionIndex == 0 && e.Status == 404)
            {
                // The old row is gone: most often a concurrent write of this event moved it, which the locator shows on the
                // next read; if the locator still names it (a legacy guess, or a row the reconciler removed), that key is not
                // deleted again.
                goneKey = oldKey;
            }
        }
        throw new Core.Repositories.ConcurrencyConflictException(
            $"The index partition {write.PartitionKey} of event '{write.EventId}' changed {Attempts} times while revision {write.Revision} was being written.");
    }
}
