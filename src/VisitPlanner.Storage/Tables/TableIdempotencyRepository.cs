using Azure.Data.Tables;
using Azure;
using NodaTime;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Storage.Tables;

/// <summary>Idempotency-Key claims: PartitionKey = SHA-256 of the key, RowKey = "claim". Insert-only, so the first request wins.</summary>
public sealed class TableIdempotencyRepository(VisitPlannerTables tables) : IIdempotencyRepository
{
    private const string RowKey = "claim";

    public async Task<IdempotencyClaim?> TryClaimAsync(string keyHash, string eventId, byte[] requestHash, Instant expiresAt, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        try
        {
            await tables.Idempotency.AddEntityAsync(Entity(keyHash, eventId, requestHash, expiresAt), cancellationToken);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await tables.Idempotency.GetEntityAsync<TableEntity>(keyHash, RowKey, cancellationToken: cancellationToken);
            var row = existing.Value;
            return new IdempotencyClaim(row.GetString("EventId"), row.GetBinary("RequestHash"),
                Instant.FromDateTimeOffset(row.GetDateTimeOffset("ExpiresAt")!.Value), row.ETag.ToString());
        }
    }

    public async Task<bool> TryReclaimAsync(string keyHash, IdempotencyClaim lapsed, string eventId, byte[] requestHash, Instant expiresAt, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Idempotency.UpdateEntityAsync(Entity(keyHash, eventId, requestHash, expiresAt), new ETag(lapsed.ConcurrencyToken), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    private static TableEntity Entity(string keyHash, string eventId, byte[] requestHash, Instant expiresAt) => new(keyHash, RowKey)
    {
        ["EventId"] = eventId,
        ["RequestHash"] = requestHash,
        ["ExpiresAt"] = expiresAt.ToDateTimeOffset(),
    };
}
