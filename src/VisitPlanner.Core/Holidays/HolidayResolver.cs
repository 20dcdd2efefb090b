using NodaTime;
using VisitPlanner.Core.Domain.Recurrence;

namespace VisitPlanner.Core.Holidays;

/// <summary>
/// Settles a rule's dates against China's working calendar when a series is written: which dates a holiday skips or
/// moves, which make-up working days a workdays series adds, where the last date falls, and which dates no loaded
/// schedule covers (kept as the rule says, and flagged).
/// </summary>
public static class HolidayResolver
{
    public static HolidayAdjustments Resolve(RecurrenceRule rule, LocalDate first, WorkingCalendar calendar) =>
        rule.Frequency == RecurrenceFrequency.Workdays ? Workdays(rule, first, calendar) : Others(rule, first, calendar);

    /// <summary>
    /// Monday to Friday minus days off, plus make-up days, in date order; a count counts the days actually worked.
    /// </summary>
    private static HolidayAdjustments Workdays(RecurrenceRule rule, LocalDate first, WorkingCalendar calendar)
    {
        var end = first.Plus(RecurrenceRule.MaxSpan);
        if (rule.Until is { } until && until < end) end = until;
        var effects = new List<HolidayEffect>();
        var met = 0;
        var last = first;
        for (var date = first; date <= end; date = date.PlusDays(1))
        {
            var weekday = date.DayOfWeek < IsoDayOfWeek.Saturday;
            var day = calendar.DayOf(date);
            if (weekday && day is { IsOffDay: true }) effects.Add(new HolidayEffect(date, HolidayEffectKind.Skipped, day.Name));
            else if (!weekday && day is { IsOffDay: false }) effects.Add(new HolidayEffect(date, HolidayEffectKind.Added, day.Name));
            if (!calendar.IsWorkday(date)) continue;
            last = date;
            if (++met == rule.Count) break;
        }
        var dates = RuleDates.Generate(rule with { Count = null }, first, last).Concat(effects.Where(e => e.Kind == HolidayEffectKind.Added).Select(e => e.Date));
        return new HolidayAdjustments(last, effects, Unchecked(dates.Concat(rule.ExtraDates), calendar));
    }

    private static HolidayAdjustments Others(RecurrenceRule rule, LocalDate first, WorkingCalendar calendar)
    {
        var dates = RuleDates.Generate(rule, first).ToArray();
        var last = dates.Length == 0 ? first : dates[^1];
        var effects = new List<HolidayEffect>();
        var checkedDates = new List<LocalDate>(dates.Concat(rule.ExtraDates));
        if (rule.Holidays != HolidayPolicy.Keep)
        {
            // A moved occurrence must not land where the series already meets (a daily series over a week-long break).
            var taken = dates.Concat(rule.ExtraDates).ToHashSet();
            foreach (var date in dates)
            {
                if (calendar.DayOf(date) is not { IsOffDay: true } day) continue;
                taken.Remove(date);
                if (rule.Holidays == HolidayPolicy.Skip)
                {
                    effects.Add(new HolidayEffect(date, HolidayEffectKind.Skipped, day.Name));
                    continue;
                }
                // A schedule may (in theory) hold a break longer than NextWorkday looks: such a date is skipped, not a failure.
                LocalDate to;
                try
                {
                    to = calendar.NextWorkday(date);
                }
                catch (InvalidOperationException)
                {
                    effects.Add(new HolidayEffect(date, HolidayEffectKind.Skipped, day.Name));
                    continue;
                }
                if (taken.Add(to))
                {
                    effects.Add(new HolidayEffect(date, HolidayEffectKind.Moved, day.Name, to));
                    checkedDates.Add(to);
                }
                else effects.Add(new HolidayEffect(date, HolidayEffectKind.Skipped, $"{day.Name}（顺延日 {to:yyyy-MM-dd} 已有安排 the next working day already has one）"));
            }
        }
        // A series that keeps its dates on holidays asks nothing of the calendar, so no date of it is unchecked.
        return new HolidayAdjustments(last, effects, rule.Holidays == HolidayPolicy.Keep ? [] : Unchecked(checkedDates, calendar));
    }

    /// <summary>
    /// The dates no loaded schedule covers, as ranges: two such dates share one range when no covered day lies between
    /// them, so a weekly series through an unpublished year is one range, not fifty.
    /// </summary>
    private static IReadOnlyList<DateInterval> Unchecked(IEnumerable<LocalDate> dates, WorkingCalendar calendar)
    {
        var runs = new List<DateInterval>();
        foreach (var date in dates.Where(d => !calendar.Covers(d)).Distinct().Order())
        {
            if (runs.Count > 0 && NoneCoveredBetween(runs[^1].End, date, calendar)) runs[^1] = new DateInterval(runs[^1].Start, date);
            else runs.Add(new DateInterval(date, date));
        }
        return runs;
    }

    private static bool NoneCoveredBetween(LocalDate after, LocalDate before, WorkingCalendar calendar)
    {
        for (var date = after.PlusDays(1); date < before; date = date.PlusDays(1))
        {
            if (calendar.Covers(date)) return false;
        }
        return true;
    }
}
