using NodaTime;

namespace VisitPlanner.Core.Domain.Recurrence;

/// <summary>
/// The dates a rule's RRULE generates from its first date, in order, as RFC 5545 section 3.3.10 expands DAILY, WEEKLY
/// (weeks start on Monday, WKST=MO) and MONTHLY with BYDAY and BYMONTHDAY: a month without the day asked for is skipped,
/// not clamped. <see cref="RecurrenceFrequency.Workdays"/> generates Monday to Friday; holidays and make-up days are not
/// this type's business (the holiday resolver settles them). <see cref="RecurrenceRule.Count"/> is applied here except for
/// workdays, whose count is of working days.
/// </summary>
public static class RuleDates
{
    /// <summary>The dates up to <paramref name="through"/> (inclusive) or the rule's own end, whichever is first, and never past <see cref="RecurrenceRule.MaxSpan"/>.</summary>
    public static IEnumerable<LocalDate> Generate(RecurrenceRule rule, LocalDate first, LocalDate? through = null)
    {
        var last = first.Plus(RecurrenceRule.MaxSpan);
        if (rule.Until is { } until && until < last) last = until;
        if (through is { } bound && bound < last) last = bound;
        var count = rule.Frequency == RecurrenceFrequency.Workdays ? null : rule.Count;
        var generated = 0;
        foreach (var date in Unbounded(rule, first))
        {
            if (date > last) yield break;
            yield return date;
            if (++generated == count) yield break;
        }
    }

    /// <summary>Whether <paramref name="date"/> is one the rule generates, without bounds: a first date must be one.</summary>
    public static bool Meets(RecurrenceRule rule, LocalDate date) => rule.Frequency switch
    {
        RecurrenceFrequency.Daily => true,
        RecurrenceFrequency.Workdays => date.DayOfWeek < IsoDayOfWeek.Saturday,
        RecurrenceFrequency.Weekly => rule.ByDay.Count == 0 || rule.ByDay.Any(d => d.Day == date.DayOfWeek),
        _ => rule.ByMonthDay.Count > 0 ? rule.ByMonthDay.Any(d => MonthDay(date.Year, date.Month, d) == date)
            : rule.ByDay.Count == 0 || rule.ByDay.Any(d => d.Matches(date)),
    };

    private static IEnumerable<LocalDate> Unbounded(RecurrenceRule rule, LocalDate first)
    {
        switch (rule.Frequency)
        {
            case RecurrenceFrequency.Daily:
                for (var date = first; ; date = date.PlusDays(rule.Interval)) yield return date;
            case RecurrenceFrequency.Weekly or RecurrenceFrequency.Workdays:
                var days = rule.Frequency == RecurrenceFrequency.Workdays
                    ? [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday]
                    : rule.ByDay.Count == 0 ? [first.DayOfWeek] : rule.ByDay.Select(d => d.Day).Distinct().Order().ToArray();
                var interval = rule.Frequency == RecurrenceFrequency.Workdays ? 1 : rule.Interval;
                for (var monday = first.PlusDays(1 - (int)first.DayOfWeek); ; monday = monday.PlusWeeks(interval))
                {
                    foreach (var day in days)
                    {
                        var date = monday.PlusDays((int)day - 1);
                        if (date >= first) yield return date;
                    }
                }
            default:
                for (var month = new LocalDate(first.Year, first.Month, 1); ; month = month.PlusMonths(rule.Interval))
                {
                    foreach (var date in InMonth(rule, first, month))
                    {
                        if (date >= first) yield return date;
                    }
                }
        }
    }

    private static IEnumerable<LocalDate> InMonth(RecurrenceRule rule, LocalDate first, LocalDate month)
    {
        if (rule.ByMonthDay.Count > 0)
            return rule.ByMonthDay.Select(d => MonthDay(month.Year, month.Month, d)).OfType<LocalDate>().Distinct().Order();
        var daysInMonth = month.Calendar.GetDaysInMonth(month.Year, month.Month);
        if (rule.ByDay.Count > 0)
            return Enumerable.Range(1, daysInMonth).Select(d => new LocalDate(month.Year, month.Month, d)).Where(date => rule.ByDay.Any(r => r.Matches(date)));
        return first.Day <= daysInMonth ? [new LocalDate(month.Year, month.Month, first.Day)] : [];
    }

    /// <summary>The day of the month BYMONTHDAY names (negative: from the end), or null where the month has no such day.</summary>
    private static LocalDate? MonthDay(int year, int month, int day)
    {
        var daysInMonth = CalendarSystem.Iso.GetDaysInMonth(year, month);
        var actual = day > 0 ? day : daysInMonth + day + 1;
        return actual >= 1 && actual <= daysInMonth ? new LocalDate(year, month, actual) : null;
    }
}
