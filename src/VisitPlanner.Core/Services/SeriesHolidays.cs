using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Domain.Recurrence;
using VisitPlanner.Core.Holidays;
using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Services;

/// <summary>
/// What a series write needs from China's working calendar: its holiday adjustments, a check that every exception
/// names an occurrence, and a warning where no schedule covers some of its dates.
/// </summary>
public static class SeriesHolidays
{
    /// <summary>The adjustments of <paramref name="draft"/>'s rule, or the problem with its exceptions or size; warnings are added to <paramref name="warnings"/>.</summary>
    public static Outcome<HolidayAdjustments> Settle(EventDraft draft, WorkingCalendar calendar, List<FieldWarning> warnings)
    {
        var rule = draft.Recurrence!;
        var first = SeriesExpansion.FirstDate(draft.Itinerary);
        var adjustments = HolidayResolver.Resolve(rule, first, calendar);
        var dates = SeriesExpansion.OriginalDates(rule, adjustments, first);
        if (dates.Count > RecurrenceRule.MaxOccurrences)
            return Problem.Invalid(rule.Until is null ? "recurrence.count" : "recurrence.until",
                $"the series would have {dates.Count} occurrences, make-up working days included; a series may have at most {RecurrenceRule.MaxOccurrences}");
        if (rule.Frequency == RecurrenceFrequency.Workdays && rule.Count is { } count && dates.Count < count)
            return Problem.Invalid("recurrence.count", $"{count} working days reach more than 5 years past the first occurrence ({TimeInput.Format(first)})");
        var known = dates.ToHashSet();
        var errors = draft.Exceptions.Select((e, i) => (e, i)).Where(x => !known.Contains(x.e.Date))
            .Select(x => new FieldError($"exceptions[{x.i}].date", NotAnOccurrence(x.e.Date, dates)))
            .ToArray();
        if (errors.Length > 0) return Problem.Invalid(errors);
        if (adjustments.Unchecked.Count > 0) warnings.Add(new FieldWarning("recurrence", Unchecked(adjustments, calendar)));
        return adjustments;
    }

    /// <summary>"2026-10-06 is not an occurrence of this series; the nearest are 2026-10-05 and 2026-10-12".</summary>
    public static string NotAnOccurrence(LocalDate date, IReadOnlyList<LocalDate> dates)
    {
        var before = dates.LastOrDefault(d => d < date);
        var after = dates.FirstOrDefault(d => d > date);
        var near = new[] { before, after }.Where(d => d != default).Select(TimeInput.Format).ToArray();
        return $"{TimeInput.Format(date)} is not an occurrence of this series (an occurrence is named by the date the rule gives it)"
            + (near.Length > 0 ? $"; the nearest are {string.Join(" and ", near)}" : "");
    }

    private static string Unchecked(HolidayAdjustments adjustments, WorkingCalendar calendar)
    {
        // A late-December date also needs the next year's schedule, where a New Year break may be announced.
        var years = adjustments.Unchecked
            .SelectMany(r => Enumerable.Range(r.Start.Year, r.End.Year - r.Start.Year + (r.End is { Month: 12, Day: >= 25 } ? 2 : 1)))
            .Distinct().Where(y => !calendar.Years.Contains(y)).Order().ToArray();
        var ranges = string.Join(", ", adjustments.Unchecked.Select(r => r.Start == r.End ? TimeInput.Format(r.Start) : $"{TimeInput.Format(r.Start)} to {TimeInput.Format(r.End)}"));
        return $"no holiday schedule of China's working calendar is loaded for {string.Join(", ", years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)))}: "
            + $"occurrences on {ranges} are kept as the rule says and flagged holidayScheduleMissing; load it with PUT /api/holidays/cn/{{year}} once published";
    }
}
