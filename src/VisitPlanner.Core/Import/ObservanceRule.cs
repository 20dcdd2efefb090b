using System.Globalization;
using NodaTime;
using VisitPlanner.Core.Domain.Recurrence;

namespace VisitPlanner.Core.Import;

/// <summary>
/// The yearly RRULE of a VTIMEZONE observance, as zones write them (RFC 5545 section 3.6.5): in <see cref="Month"/>, on
/// the <see cref="Ordinal"/>-th <see cref="Weekday"/> (<c>BYDAY=-1SU</c>, <c>BYDAY=2SU</c>), on the first
/// <see cref="Weekday"/> among <see cref="MonthDays"/> (<c>BYDAY=SU;BYMONTHDAY=8,9,10,11,12,13,14</c>), or on a fixed
/// day; until <see cref="Until"/> or for <see cref="Count"/> years.
/// </summary>
internal sealed record ObservanceRule(int? Month, IsoDayOfWeek? Weekday, int? Ordinal, IReadOnlyList<int> MonthDays, IcsTime? Until, int? Count)
{
    /// <summary>The rule, or null for one no zone needs (another frequency, an interval, BYSETPOS, …): that VTIMEZONE is then not read.</summary>
    public static ObservanceRule? Parse(string value)
    {
        if (RuleParts.Parse(value) is not { } parts || parts.GetValueOrDefault("FREQ") != "YEARLY") return null;
        if (parts.Keys.Any(k => k is not ("FREQ" or "BYMONTH" or "BYDAY" or "BYMONTHDAY" or "UNTIL" or "COUNT" or "INTERVAL" or "WKST"))) return null;
        if (parts.TryGetValue("INTERVAL", out var interval) && interval != "1") return null;
        int? month = null;
        if (parts.TryGetValue("BYMONTH", out var monthText))
        {
            if (!int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12) return null;
            month = m;
        }
        IsoDayOfWeek? weekday = null;
        int? ordinal = null;
        if (parts.TryGetValue("BYDAY", out var dayText))
        {
            if (WeekdayRule.Parse(dayText, allowOrdinal: true) is not { } day) return null;
            (weekday, ordinal) = (day.Day, day.Ordinal);
        }
        var monthDays = new List<int>();
        if (parts.TryGetValue("BYMONTHDAY", out var daysText))
        {
            foreach (var text in daysText.Split(','))
            {
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d is < 1 or > 31) return null;
                monthDays.Add(d);
            }
        }
        // A weekday without an ordinal is every such day of the month, which no zone changes on, unless BYMONTHDAY picks one.
        if (weekday is not null && ordinal is null && monthDays.Count == 0) return null;
        IcsTime? until = null;
        if (parts.TryGetValue("UNTIL", out var untilText) && (until = IcsTime.Parse(untilText, null)) is null) return null;
        int? count = null;
        if (parts.TryGetValue("COUNT", out var countText))
        {
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c < 1) return null;
            count = c;
        }
        return new ObservanceRule(month, weekday, ordinal, monthDays, until, count);
    }

    /// <summary>The local onset in <paramref name="year"/>, if the rule has one there, at the time of day of <paramref name="start"/>.</summary>
    public LocalDateTime? OnsetIn(int year, LocalDateTime start)
    {
        var month = Month ?? start.Month;
        var days = CalendarSystem.Iso.GetDaysInMonth(year, month);
        int? day;
        if (Weekday is { } weekday && Ordinal is { } n)
        {
            var first = new LocalDate(year, month, 1);
            var firstMatch = 1 + ((int)weekday - (int)first.DayOfWeek + 7) % 7;
            var lastMatch = firstMatch + (days - firstMatch) / 7 * 7;
            day = n > 0 ? firstMatch + (n - 1) * 7 : lastMatch + (n + 1) * 7;
            if (day < 1 || day > days) day = null;
        }
        else if (Weekday is { } onWeekday)
        {
            day = MonthDays.Where(d => d <= days).Cast<int?>().FirstOrDefault(d => new LocalDate(year, month, d!.Value).DayOfWeek == onWeekday);
        }
        else
        {
            var fixedDay = MonthDays.Count > 0 ? MonthDays[0] : start.Day;
            day = fixedDay <= days ? fixedDay : null;
        }
        return day is { } d ? new LocalDate(year, month, d).At(start.TimeOfDay) : null;
    }
}
