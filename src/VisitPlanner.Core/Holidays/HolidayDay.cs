using NodaTime;

namespace VisitPlanner.Core.Holidays;

/// <summary>One day a State Council holiday schedule lists: a day off (<see cref="IsOffDay"/>), or a weekend day worked (调休上班).</summary>
public sealed record HolidayDay(LocalDate Date, string Name, bool IsOffDay);
