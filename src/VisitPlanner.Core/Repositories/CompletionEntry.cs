using NodaTime;

namespace VisitPlanner.Core.Repositories;

/// <summary>An open event's place in the completion index: its id and the end time the index holds for it.</summary>
public sealed record CompletionEntry(string EventId, Instant EndsAt);
