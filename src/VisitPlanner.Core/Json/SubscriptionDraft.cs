using NodaTime;

namespace VisitPlanner.Core.Json;

/// <summary>What an organizer sends to create a subscription.</summary>
public sealed record SubscriptionDraft(string Label, Instant? ExpiresAt);
