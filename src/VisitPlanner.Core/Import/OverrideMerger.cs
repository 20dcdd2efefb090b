using System.Text.Json.Nodes;
using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Import;

/// <summary>
/// Makes an override (a VEVENT with its series' UID and a RECURRENCE-ID) into an exception of the series, as the API
/// takes one: <c>{"date","status":"cancelled"}</c> for a cancelled occurrence, else the date with what differs from the
/// series there (title, notes, location, the item's times). What an exception cannot hold (other people, another
/// status) is not compared: the occurrence keeps the series'.
/// </summary>
internal static class OverrideMerger
{
    public static OverrideOutcome Merge(EventFacts series, ImportedSeries rule, EventFacts over, ImportContext context, List<string> warnings)
    {
        var of = over.Overrides!;
        var date = SameZone(series, over) ? of.Date : Clock(series, context, warnings).DateOf(of.Value);
        var text = TimeInput.Format(date);
        if (of.ThisAndFuture)
            return new OverrideOutcome(SkipReason: ImportWarnings.At(of.Source, "RANGE=THISANDFUTURE (this and every later occurrence) is not imported: change the series itself"));
        if (!rule.Dates.Contains(date))
        {
            return over.Cancelled
                ? new OverrideOutcome(SkipReason: $"cancels {text}, which is no occurrence of its series (line {series.Line})")
                : new OverrideOutcome(OwnEvent: ImportWarnings.At(of.Source, $"{text} is no occurrence of the series at line {series.Line}: this VEVENT is imported as an event of its own"));
        }
        if (rule.Excluded.Contains(date))
            return new OverrideOutcome(SkipReason: $"overrides {text}, which its series' EXDATE cancels (line {series.Line})");
        var exception = new JsonObject { ["date"] = text };
        if (over.Cancelled)
        {
            exception["status"] = "cancelled";
            return new OverrideOutcome(exception);
        }
        if ((over.Title ?? series.Title) is { } title && title != series.Title) exception["title"] = title;
        if (over.Notes is not null && over.Notes != series.Notes) exception["notes"] = over.Notes;
        else if (over.Notes is null && series.Notes is not null)
            warnings.Add($"line {over.Line}: the override of {text} has no DESCRIPTION; an occurrence cannot drop its series' notes, so it keeps them");
        if (over.Location is not null && over.Location != series.Location) exception["location"] = new JsonObject { ["name"] = over.Location };
        else if (over.Location is null && series.Location is not null)
            warnings.Add($"line {over.Line}: the override of {text} has no LOCATION; an occurrence cannot drop its series' place, so it keeps it");
        if (over.Timing is { } own)
        {
            var timing = SameZone(series, over) ? own : InZone(own, Clock(series, context, warnings));
            if (timing.GetType() != series.Timing!.GetType())
            {
                exception.Remove("title");
                exception.Remove("notes");
                exception.Remove("location");
                exception["status"] = "cancelled";
                return new OverrideOutcome(exception, OwnEvent: $"line {over.Line}: the override of {text} is {(timing is ImportedTiming.AllDay ? "all-day" : "timed")} and its series is not: the occurrence is cancelled and this VEVENT imported as an event of its own");
            }
            if (!timing.SameTimes(series.Timing.On(date))) exception["itinerary"] = new JsonArray(EventBody.Times(timing, new JsonObject { ["id"] = EventBody.ItemId }));
        }
        if (exception.Count > 1) return new OverrideOutcome(exception);
        warnings.Add($"line {over.Line}: the override of {text} changes nothing an occurrence holds (title, notes, location, times): nothing of it is imported");
        return new OverrideOutcome();
    }

    private static bool SameZone(EventFacts series, EventFacts over) => series.Zone.Id == over.Zone.Id;

    /// <summary>The series' clock, for an override written in another zone (rare: exporters write both in one).</summary>
    private static EventClock Clock(EventFacts series, ImportContext context, List<string> warnings)
    {
        var year = series.Timing!.FirstDate.Year;
        return new EventClock(series.Zone, context.Zones, year, Math.Min(year + 5, 2199), warnings);
    }

    private static ImportedTiming InZone(ImportedTiming timing, EventClock clock) => timing is ImportedTiming.Timed timed
        ? new ImportedTiming.Timed(clock.Exact(timed.Start.Instant), clock.Exact(timed.End.Instant))
        : timing;
}
