using System.Runtime.CompilerServices;
using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Domain.Recurrence;

/// <summary>
/// A recurring event's occurrences, from what the event holds alone (rule, holiday adjustments, exceptions): each rule
/// date, extra date and make-up day, in order, with the template's items moved to the day it meets. An item keeps its
/// wall-clock times in its own zone, so a 09:00 Berlin meeting stays at 09:00 across a daylight-saving change.
/// </summary>
public static class SeriesExpansion
{
    // An event is immutable, and an edit makes a new instance, so occurrences worked out once stay right for it.
    private static readonly ConditionalWeakTable<VisitEvent, IReadOnlyList<Occurrence>> Known = new();

    /// <summary>The template's date: the local start date of its earliest item, and the series' first occurrence.</summary>
    public static LocalDate FirstDate(IReadOnlyList<ItineraryItem> template) =>
        template.MinBy(i => i.Timing.StartInstant)!.Timing.Start.Date;

    /// <summary>Every occurrence of <paramref name="visit"/> by original date, cancelled and skipped ones included; empty for a single event.</summary>
    public static IReadOnlyList<Occurrence> Of(VisitEvent visit) =>
        visit.Recurrence is null ? [] : Known.GetValue(visit, Expand);

    /// <summary>The original dates a series has: rule dates, extra dates and make-up days, in order.</summary>
    public static IReadOnlyList<LocalDate> OriginalDates(RecurrenceRule rule, HolidayAdjustments holidays, LocalDate first) =>
        RuleDates.Generate(rule, first, holidays.LastDate)
            .Concat(rule.ExtraDates)
            .Concat(holidays.Effects.Where(e => e.Kind == HolidayEffectKind.Added).Select(e => e.Date))
            .Distinct()
            .Order()
            .ToArray();

    private static IReadOnlyList<Occurrence> Expand(VisitEvent visit)
    {
        var recurrence = visit.Recurrence!;
        var first = FirstDate(visit.Itinerary);
        var occurrences = new List<Occurrence>();
        foreach (var original in OriginalDates(recurrence.Rule, recurrence.Holidays, first))
        {
            var effect = recurrence.Holidays.EffectOn(original);
            var exception = recurrence.ExceptionOn(original);
            var date = effect is { Kind: HolidayEffectKind.Moved, MovedTo: { } to } ? to : original;
            var status = exception is { Cancelled: true } ? OccurrenceStatus.Cancelled
                : effect is { Kind: HolidayEffectKind.Skipped } ? OccurrenceStatus.Skipped
                : OccurrenceStatus.Scheduled;
            var days = Period.Between(first, date, PeriodUnits.Days).Days;
            var title = exception?.Title;
            var items = visit.Itinerary.Select(item => Place(item, days, exception, visit.Title)).ToArray();
            occurrences.Add(new Occurrence(original, date, status, items, title, exception?.Speaker, exception?.Notes,
                Overridden: exception is { Cancelled: false }, Reason: effect?.Name,
                HolidayScheduleMissing: recurrence.Holidays.IsUnchecked(original) || recurrence.Holidays.IsUnchecked(date)));
        }
        return occurrences;
    }

    /// <summary>A template item on the day an occurrence meets, with what the organizer changed for that occurrence.</summary>
    private static ItineraryItem Place(ItineraryItem item, int days, OccurrenceException? exception, string eventTitle)
    {
        var timing = item.Timing;
        var moved = days == 0 ? timing : timing.WithLocalTimes(timing.Start.PlusDays(days), timing.End.PlusDays(days));
        if (exception is null) return moved == timing ? item : item with { Timing = moved };
        var times = exception.Items.FirstOrDefault(o => o.ItemId == item.Id)?.Timing;
        return item with
        {
            Timing = times ?? moved,
            // An item named like the event is the event: it takes the occurrence's own title too.
            Title = exception.Title is { } title && item.Title == eventTitle ? title : item.Title,
            Location = exception.Location ?? item.Location,
            Notes = exception.Notes ?? item.Notes,
        };
    }
}
