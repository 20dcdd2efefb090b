using NodaTime;

namespace VisitPlanner.Core.Domain.Recurrence;

/// <summary>
/// When a series meets, as the organizer gave it: a frequency with its interval and BYDAY/BYMONTHDAY parts, an end
/// (<see cref="Until"/>, a local date inclusive, or <see cref="Count"/>), what holidays do, and dates added by hand
/// (RDATE). The first occurrence is the template itinerary's own date, which the rule must meet.
/// </summary>
public sealed record RecurrenceRule(
    RecurrenceFrequency Frequency,
    int Interval,
    IReadOnlyList<WeekdayRule> ByDay,
    IReadOnlyList<int> ByMonthDay,
    LocalDate? Until,
    int? Count,
    HolidayPolicy Holidays,
    IReadOnlyList<LocalDate> ExtraDates)
{
    /// <summary>Occurrences one series may have at most, extra dates included (a bound on feeds, pages and stored size).</summary>
    public const int MaxOccurrences = 1000;

    /// <summary>How far a series may reach past its first date.</summary>
    public static readonly Period MaxSpan = Period.FromYears(5);

    public bool Equals(RecurrenceRule? other) =>
        other is not null && Frequency == other.Frequency && Interval == other.Interval && ByDay.SequenceEqual(other.ByDay)
        && ByMonthDay.SequenceEqual(other.ByMonthDay) && Until == other.Until && Count == other.Count && Holidays == other.Holidays
        && ExtraDates.SequenceEqual(other.ExtraDates);

    public override int GetHashCode() => HashCode.Combine(Frequency, Interval, ByDay.Count, ByMonthDay.Count, Until, Count, Holidays, ExtraDates.Count);
}
