using NodaTime;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// A secret feed URL handed to one subscriber (a person, a phone, a shared mailbox). Only a hash of its
/// secret is kept; <see cref="LastFetchedAt"/> is recorded at most hourly so polls stay reads.
/// </summary>
public sealed record Subscription(
    string Id,
    AgendaKey Agenda,
    string Label,
    Instant CreatedAt,
    Instant? ExpiresAt,
    Instant? LastFetchedAt,
    byte[] SecretHash)
{
    public bool IsExpired(Instant now) => ExpiresAt is { } expires && expires <= now;
}
