using NodaTime;

namespace VisitPlanner.Core.Domain.Recurrence;

/// <summary>
/// A series' dates as China's working calendar settled them: the last date the rule generates (<see cref="LastDate"/>:
/// for a count of workdays it depends on the holidays), the dates it skipped, moved or added, and the stretches of
/// dates no loaded holiday schedule covered (<see cref="Unchecked"/>), whose occurrences are kept as the rule says.
/// </summary>
public sealed record HolidayAdjustments(LocalDate LastDate, IReadOnlyList<HolidayEffect> Effects, IReadOnlyList<DateInterval> Unchecked)
{
    public bool Equals(HolidayAdjustments? other) =>
        other is not null && LastDate == other.LastDate && Effects.SequenceEqual(other.Effects) && Unchecked.SequenceEqual(other.Unchecked);

    public override int GetHashCode() => HashCode.Combine(LastDate, Effects.Count, Unchecked.Count);

    public bool IsUnchecked(LocalDate date) => Unchecked.Any(range => range.Contains(date));

    public HolidayEffect? EffectOn(LocalDate date) => Effects.FirstOrDefault(e => e.Date == date);
}
