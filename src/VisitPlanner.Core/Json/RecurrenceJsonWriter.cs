using System.Text.Json;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Domain.Recurrence;

namespace VisitPlanner.Core.Json;

/// <summary>A series' rule, exceptions and occurrences as the API returns them: the rule and exceptions as <see cref="RecurrenceJsonReader"/> reads them back.</summary>
public static class RecurrenceJsonWriter
{
    public static void WriteRule(Utf8JsonWriter writer, RecurrenceRule rule)
    {
        writer.WriteStartObject("recurrence");
        writer.WriteString("frequency", RecurrenceJsonReader.Frequencies.First(f => f.Value == rule.Frequency).Key);
        if (rule.Interval != 1) writer.WriteNumber("interval", rule.Interval);
        if (rule.ByDay.Count > 0)
        {
            writer.WriteStartArray("byDay");
            foreach (var day in rule.ByDay) writer.WriteStringValue(day.Code);
            writer.WriteEndArray();
        }
        if (rule.ByMonthDay.Count > 0)
        {
            writer.WriteStartArray("byMonthDay");
            foreach (var day in rule.ByMonthDay) writer.WriteNumberValue(day);
            writer.WriteEndArray();
        }
        if (rule.Until is { } until) writer.WriteString("until", TimeInput.Format(until));
        if (rule.Count is { } count) writer.WriteNumber("count", count);
        writer.WriteString("holidays", RecurrenceJsonReader.Policies.First(p => p.Value == rule.Holidays).Key);
        if (rule.ExtraDates.Count > 0)
        {
            writer.WriteStartArray("extraDates");
            foreach (var date in rule.ExtraDates) writer.WriteStringValue(TimeInput.Format(date));
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    public static void WriteExceptions(Utf8JsonWriter writer, IReadOnlyList<OccurrenceException> exceptions)
    {
        writer.WriteStartArray("exceptions");
        foreach (var exception in exceptions)
        {
            writer.WriteStartObject();
            writer.WriteString("date", TimeInput.Format(exception.Date));
            if (exception.Cancelled) writer.WriteString("status", "cancelled");
            Optional(writer, "title", exception.Title);
            Optional(writer, "speaker", exception.Speaker);
            Optional(writer, "notes", exception.Notes);
            if (exception.Location is { } place) EventJsonWriter.WritePlace(writer, place);
            if (exception.Items.Count > 0)
            {
                writer.WriteStartArray("itinerary");
                foreach (var item in exception.Items)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", item.ItemId);
                    EventJsonWriter.WriteTimes(writer, item.Timing);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>
    /// One occurrence as listings show it: its id (original date), when it meets as instants and local times, whether it
    /// takes place, and what changed it.
    /// </summary>
    public static void WriteOccurrence(Utf8JsonWriter writer, Occurrence occurrence, DateTimeZone eventZone)
    {
        writer.WriteStartObject();
        writer.WriteString("date", TimeInput.Format(occurrence.OriginalDate));
        writer.WriteString("status", occurrence.Status switch
        {
            OccurrenceStatus.Cancelled => "cancelled",
            OccurrenceStatus.Skipped => "skipped",
            _ => "scheduled",
        });
        writer.WriteString("startsAt", TimeInput.Format(occurrence.StartsAt));
        writer.WriteString("endsAt", TimeInput.Format(occurrence.EndsAt));
        writer.WriteString("start", TimeInput.Format(occurrence.StartsAt.InZone(eventZone).ToOffsetDateTime()));
        writer.WriteString("end", TimeInput.Format(occurrence.EndsAt.InZone(eventZone).ToOffsetDateTime()));
        if (occurrence.Moved) writer.WriteString("movedTo", TimeInput.Format(occurrence.Date));
        writer.WriteBoolean("overridden", occurrence.Overridden);
        Optional(writer, "reason", occurrence.Reason);
        if (occurrence.HolidayScheduleMissing) writer.WriteBoolean("holidayScheduleMissing", true);
        Optional(writer, "title", occurrence.Title);
        Optional(writer, "speaker", occurrence.Speaker);
        if (occurrence.Overridden) Optional(writer, "location", occurrence.Itinerary[0].Location?.ToSingleLine());
        writer.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }
}
