using NodaTime;

namespace VisitPlanner.Core.Import;

/// <summary>
/// A date-time of an event, in the event's zone: its wall-clock <see cref="Local"/> time there (to compare an override
/// with its series), the <see cref="Text"/> the body carries, and the <see cref="Instant"/> (to order start and end).
/// </summary>
internal sealed record ImportedTime(LocalDateTime Local, string Text, Instant Instant);
