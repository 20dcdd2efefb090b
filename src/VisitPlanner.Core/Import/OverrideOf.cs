using NodaTime;

namespace VisitPlanner.Core.Import;

/// <summary>
/// What a VEVENT with a RECURRENCE-ID overrides: the occurrence of its series on <see cref="Date"/> (local, in the
/// override's zone, worked out again in its series' should that differ), with the value <see cref="Written"/> as the
/// file has it, which names the override when it is imported on its own.
/// </summary>
internal sealed record OverrideOf(string Written, IcsTime Value, LocalDate Date, ContentLine Source, bool ThisAndFuture);
