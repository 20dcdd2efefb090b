using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Domain.Recurrence;
using VisitPlanner.Core.Feeds.Model;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// A recurring event in a feed: each template item is a series master (its DTSTART the first occurrence) with RRULE in the
/// item's TZID, EXDATE for occurrences skipped for a holiday or cancelled, RDATE for extra dates and make-up working days,
/// and an override (RECURRENCE-ID, same UID) for each occurrence that meets on another day or differently. An item the
/// rule cannot describe (one on a later day of the template than its first, or written in UTC around a daylight-saving
/// change) is a master listing its instants as RDATEs instead. Series have no banner.
/// </summary>
public static partial class FeedComposer
{
    private static IEnumerable<FeedComponent> SeriesEvents(EventParts shared, IReadOnlyList<ItineraryItem> items)
    {
        var visit = shared.Visit;
        var recurrence = visit.Recurrence!;
        var occurrences = visit.Occurrences;
        var first = SeriesExpansion.FirstDate(visit.Itinerary);
        var ruleDates = RuleDates.Generate(recurrence.Rule, first, recurrence.Holidays.LastDate).ToHashSet();
        foreach (var item in items)
        {
            var index = IndexOf(visit.Itinerary, item);
            var master = ItemEvent(shared, item);
            var byRule = item.Timing.Start.Date == first && master.Start is not FeedTime.Utc;
            var instants = occurrences.Select(o => o.Itinerary[index].Timing).ToArray();
            var zone = item.Timing.IsAllDay ? null : new ZoneUse(item.Timing.Zone,
                instants.Min(t => t.StartInstant) is var start && start < item.Timing.StartInstant ? start : item.Timing.StartInstant,
                instants.Max(t => t.EndInstant) is var end && end > item.Timing.EndInstant ? end : item.Timing.EndInstant);
            IReadOnlyList<FeedTime> extra, excluded;
            FeedRule? rule = null;
            if (byRule)
            {
                rule = Rule(recurrence, Until(master.Start, item, recurrence.Holidays.LastDate));
                // RDATE in UTC: libical reads an RDATE's TZID as UTC (a make-up day at 08:00 Shanghai would be 16:00), and every
                // client reads a UTC RDATE alike; the override of such an instance still names it in the master's TZID.
                extra = occurrences.Where(o => o.TakesPlace && !ruleDates.Contains(o.OriginalDate)).Select(o => OriginalTime(master.Start, item, first, o.OriginalDate, instant: true)).ToArray();
                excluded = occurrences.Where(o => !o.TakesPlace && ruleDates.Contains(o.OriginalDate)).Select(o => OriginalTime(master.Start, item, first, o.OriginalDate)).ToArray();
            }
            else
            {
                // DTSTART is an instance (RFC 5545 section 3.8.5.2), but ical.js expands a master without RRULE by its RDATEs
                // alone: DTSTART is listed among them too, which the other clients count once.
                extra = occurrences.Where(o => o.TakesPlace).Select(o => OriginalTime(master.Start, item, first, o.OriginalDate, instant: true)).ToArray();
                excluded = occurrences.Where(o => !o.TakesPlace && o.OriginalDate == first).Select(_ => master.Start).ToArray();
            }
            yield return master with { Rule = rule, ExtraDates = extra, ExceptionDates = excluded, Zone = zone };

            foreach (var occurrence in occurrences.Where(o => o.DiffersFromTemplate))
            {
                var changed = Changed(shared, occurrence);
                yield return ItemEvent(changed, occurrence.Itinerary[index]) with
                {
                    RecurrenceId = OriginalTime(master.Start, item, first, occurrence.OriginalDate),
                };
            }
        }
    }

    private static int IndexOf(IReadOnlyList<ItineraryItem> itinerary, ItineraryItem item)
    {
        for (var i = 0; i < itinerary.Count; i++)
        {
            if (ReferenceEquals(itinerary[i], item)) return i;
        }
        throw new ArgumentException("The item is not one of the event's.", nameof(item));
    }

    /// <summary>What an override of one occurrence shows: the event as it is that day (its title, speaker and items).</summary>
    private static EventParts Changed(EventParts shared, Occurrence occurrence) =>
        new(shared.Source, occurrence.AsEvent(shared.Visit), shared.Cancelled);

    /// <summary>
    /// The start an item has on <paramref name="date"/> by the template (moved by whole days in its own zone), in the form
    /// of the master's DTSTART, as EXDATE and RECURRENCE-ID must be; <paramref name="instant"/> asks for the UTC form of UNTIL and RDATE (a date stays a date).
    /// </summary>
    private static FeedTime OriginalTime(FeedTime form, ItineraryItem item, NodaTime.LocalDate first, NodaTime.LocalDate date, bool instant = false)
    {
        var days = NodaTime.Period.Between(first, date, NodaTime.PeriodUnits.Days).Days;
        var timing = item.Timing;
        var start = timing.Start.PlusDays(days);
        return form switch
        {
            FeedTime.Date => new FeedTime.Date(start.Date),
            _ when instant => new FeedTime.Utc(timing.WithLocalTimes(start, timing.End.PlusDays(days)).StartInstant),
            FeedTime.Zoned zoned => new FeedTime.Zoned(start, zoned.Zone),
            _ => new FeedTime.Utc(timing.WithLocalTimes(start, timing.End.PlusDays(days)).StartInstant),
        };
    }

    /// <summary>
    /// UNTIL: the end of the last day in the item's zone (a date for all-day items), not the last instance's start, since
    /// python3-recurring-ical-events compares UNTIL in DTSTART's first offset and loses a last instance after a change
    /// to summer time. Nothing of the next instance starts on that day, so every reader stops at the same one.
    /// </summary>
    private static FeedTime Until(FeedTime form, ItineraryItem item, NodaTime.LocalDate lastDate) => form is FeedTime.Date
        ? new FeedTime.Date(lastDate)
        : new FeedTime.Utc(item.Timing.Zone.AtStartOfDay(lastDate.PlusDays(1)).ToInstant() - NodaTime.Duration.FromSeconds(1));

    private static FeedRule Rule(EventRecurrence recurrence, FeedTime until)
    {
        var rule = recurrence.Rule;
        var (frequency, byDay) = rule.Frequency switch
        {
            RecurrenceFrequency.Daily => ("DAILY", Array.Empty<string>()),
            RecurrenceFrequency.Monthly => ("MONTHLY", rule.ByDay.Select(d => d.Code).ToArray()),
            RecurrenceFrequency.Workdays => ("WEEKLY", ["MO", "TU", "WE", "TH", "FR"]),
            _ => ("WEEKLY", rule.ByDay.Select(d => d.Code).ToArray()),
        };
        return new FeedRule(frequency, rule.Frequency == RecurrenceFrequency.Workdays ? 1 : rule.Interval, byDay, rule.ByMonthDay, until);
    }
}
