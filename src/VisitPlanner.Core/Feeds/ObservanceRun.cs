using NodaTime;
using VisitPlanner.Core.Feeds.Model;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// Transitions of one kind in consecutive years, with the yearly rules that fit all of them so far. A transition
/// joins the run only if it falls in the next year, in the same month, at the same local time, and at least one rule
/// still fits; which rules are still possible is tracked as evidence accumulates, so the rule written is one that
/// every year of the run obeys, not one guessed from the first.
/// </summary>
internal sealed class ObservanceRun
{
    private readonly List<ZoneTransition> _transitions = [];
    private bool _lastWeekday = true;
    private int? _ordinal;
    private int _windowLow = 1, _windowHigh = 31;
    private bool _fixedDay = true;
    private bool _sameWeekday = true;

    public ObservanceRun(ZoneTransition first)
    {
        _transitions.Add(first);
        _ordinal = (first.Onset.Day - 1) / 7 + 1;
        Narrow(first.Onset.Date);
    }

    public ZoneTransition First => _transitions[0];

    public ZoneTransition Last => _transitions[^1];

    public int Count => _transitions.Count;

    public IReadOnlyList<ZoneTransition> Transitions => _transitions;

    /// <summary>Adds <paramref name="next"/> if it continues the run; false (and the run unchanged) if it does not.</summary>
    public bool TryAdd(ZoneTransition next)
    {
        var last = Last.Onset;
        var date = next.Onset.Date;
        if (next.Kind != First.Kind || date.Year != last.Year + 1 || date.Month != last.Month || next.Onset.TimeOfDay != last.TimeOfDay)
            return false;
        var saved = (_lastWeekday, _ordinal, _windowLow, _windowHigh, _fixedDay, _sameWeekday);
        Narrow(date);
        if (Rule() is null)
        {
            (_lastWeekday, _ordinal, _windowLow, _windowHigh, _fixedDay, _sameWeekday) = saved;
            return false;
        }
        _transitions.Add(next);
        return true;
    }

    /// <summary>
    /// The rule of the run, preferring the forms clients know best: the last weekday of the month (which is what
    /// "the last Sunday of March" means, and Outlook's "fifth"), the n-th weekday, a weekday on or after a day, a fixed day.
    /// </summary>
    public YearlyRule? Rule()
    {
        var onset = First.Onset;
        var month = onset.Month;
        var weekday = onset.DayOfWeek;
        if (_lastWeekday && _sameWeekday) return new YearlyRule(month, weekday, -1, null);
        if (_ordinal is { } ordinal && _sameWeekday) return new YearlyRule(month, weekday, ordinal, null);
        if (_windowLow <= _windowHigh && _sameWeekday) return new YearlyRule(month, weekday, null, _windowHigh);
        if (_fixedDay) return new YearlyRule(month, null, null, onset.Day);
        return null;
    }

    private void Narrow(LocalDate date)
    {
        var daysInMonth = date.Calendar.GetDaysInMonth(date.Year, date.Month);
        // February has 28 days in most years: a week of BYMONTHDAY must fit the shortest month of the run.
        var shortest = date.Month == 2 ? 28 : daysInMonth;
        _lastWeekday &= date.Day + 7 > daysInMonth;
        if (_ordinal != (date.Day - 1) / 7 + 1 || _ordinal > 4) _ordinal = null;
        _windowLow = Math.Max(_windowLow, date.Day - 6);
        _windowHigh = Math.Min(Math.Min(_windowHigh, date.Day), shortest - 6);
        _fixedDay &= date.Day == First.Onset.Day;
        _sameWeekday &= date.DayOfWeek == First.Onset.DayOfWeek;
    }
}
