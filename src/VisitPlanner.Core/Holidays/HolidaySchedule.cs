namespace VisitPlanner.Core.Holidays;

/// <summary>One year's State Council holiday schedule, in the holiday-cn format's terms: the notices it follows and the days it lists.</summary>
public sealed record HolidaySchedule(int Year, IReadOnlyList<string> Papers, IReadOnlyList<HolidayDay> Days)
{
    public bool Equals(HolidaySchedule? other) =>
        other is not null && Year == other.Year && Papers.SequenceEqual(other.Papers) && Days.SequenceEqual(other.Days);

    public override int GetHashCode() => HashCode.Combine(Year, Days.Count);
}
