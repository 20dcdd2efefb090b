using NodaTime;

namespace VisitPlanner.Core.Domain.Recurrence;

/// <summary>
/// One date of a series the working calendar changed, and why (<see cref="Name"/>: "国庆节"). <see cref="MovedTo"/> is
/// where a <see cref="HolidayEffectKind.Moved"/> occurrence meets instead.
/// </summary>
public sealed record HolidayEffect(LocalDate Date, HolidayEffectKind Kind, string Name, LocalDate? MovedTo = null);
