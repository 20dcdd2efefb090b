using NodaTime;

namespace VisitPlanner.Core.Feeds.Model;

/// <summary>
/// The yearly rule of a VTIMEZONE observance (RRULE, RFC 5545 section 3.3.10), in <see cref="Month"/> on one of:
/// the <see cref="Ordinal"/>-th <see cref="Weekday"/> (1 to 4, or -1 for the last: <c>BYDAY=-1SU</c>); the first
/// <see cref="Weekday"/> on or after <see cref="FirstDay"/> (<c>BYDAY=SU;BYMONTHDAY=2,3,4,5,6,7,8</c>, tzdb's "Sun&gt;=2");
/// or, without a weekday, the day <see cref="FirstDay"/> itself. It holds for good: a rule that ended is written as its
/// onsets (see <see cref="VTimeZoneFactory"/>).
/// </summary>
public sealed record YearlyRule(int Month, IsoDayOfWeek? Weekday, int? Ordinal, int? FirstDay)
{
    /// <summary>The days of the month a "first weekday on or after" rule can fall on: a week from <see cref="FirstDay"/>.</summary>
    public IEnumerable<int> MonthDays => Weekday is null ? [FirstDay!.Value] : Enumerable.Range(FirstDay!.Value, 7);
}
