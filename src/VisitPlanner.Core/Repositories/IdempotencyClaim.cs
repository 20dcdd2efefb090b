using NodaTime;

namespace VisitPlanner.Core.Repositories;

/// <summary>An Idempotency-Key's claim: the event it creates, a hash of the request that claimed it, and when it lapses.</summary>
public sealed record IdempotencyClaim(string EventId, byte[] RequestHash, Instant ExpiresAt, string ConcurrencyToken);
