namespace VisitPlanner.Core.Holidays;

/// <summary>How an instance keeps China's working calendar (configuration section <c>VisitPlanner:Holidays</c>).</summary>
public sealed class HolidayOptions
{
    /// <summary>
    /// How long an instance uses the calendar it read before reading the stored schedules again: the bound on how late a
    /// schedule PUT on another instance reaches this one's series. A PUT on this instance reaches it at once. A new
    /// year's schedule is PUT about once a year, and every recurring write needs the calendar, so a minute is cheap
    /// both ways.
    /// </summary>
    public double CacheSeconds { get; set; } = 60;
}
