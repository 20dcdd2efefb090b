using NodaTime;

namespace VisitPlanner.Core.Repositories;

/// <summary>Claims on Idempotency-Keys, written before the event they create.</summary>
public interface IIdempotencyRepository
{
    /// <summary>Claims <paramref name="keyHash"/> for a new event; null when claimed, else the claim that already holds it.</summary>
    Task<IdempotencyClaim?> TryClaimAsync(string keyHash, string eventId, byte[] requestHash, Instant expiresAt, CancellationToken cancellationToken);

    /// <summary>Takes over a lapsed claim; false when someone else changed it first.</summary>
    Task<bool> TryReclaimAsync(string keyHash, IdempotencyClaim lapsed, string eventId, byte[] requestHash, Instant expiresAt, CancellationToken cancellationToken);
}
