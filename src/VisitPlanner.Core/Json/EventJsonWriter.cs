using System.Text.Json;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Domain.Recurrence;

namespace VisitPlanner.Core.Json;

/// <summary>
/// Writes an event as the API returns it: what <see cref="EventJsonReader"/> reads back, so a GET can be edited and PUT
/// back unchanged. (Storage keeps its own format, in VisitPlanner.Storage.)
/// </summary>
public static class EventJsonWriter
{
    /// <param name="warnings">What the write that made this version read differently from how it was sent; only its answer carries them.</param>
    public static byte[] ToUtf8(VisitEvent visit, IReadOnlyList<FieldWarning>? warnings = null) => JsonOutput.ToUtf8(writer => Write(writer, visit, warnings));

    /// <param name="occurrencesIn">For a series in a listing: the window whose occurrences it shows.</param>
    public static void Write(Utf8JsonWriter writer, VisitEvent visit, IReadOnlyList<FieldWarning>? warnings = null, QueryWindow? occurrencesIn = null)
    {
        writer.WriteStartObject();
        writer.WriteString("id", visit.Id);
        writer.WriteString("kind", visit.Kind.ToWireName());
        writer.WriteString("status", visit.Status.ToWireName());
        writer.WriteString("title", visit.Title);
        WriteOptional(writer, "description", visit.Description);
        writer.WriteString("timeZone", visit.TimeZone.Id);
        writer.WriteStartArray("calendars");
        foreach (var calendar in visit.Calendars) writer.WriteStringValue(calendar);
        writer.WriteEndArray();
        if (visit.Lecture is { } lecture)
        {
            WriteOptional(writer, "speaker", lecture.Speaker);
            WriteOptional(writer, "series", lecture.Series);
            WriteOptional(writer, "seriesId", lecture.SeriesId);
            if (lecture.SessionNumber is { } number) writer.WriteNumber("sessionNumber", number);
        }
        writer.WriteStartObject("organizer");
        writer.WriteString("name", visit.Organizer.Name);
        WriteOptional(writer, "organization", visit.Organizer.Organization);
        WriteOptional(writer, "email", visit.Organizer.Email);
        writer.WriteEndObject();
        writer.WriteStartArray("participants");
        foreach (var participant in visit.Participants) WriteParticipant(writer, participant);
        writer.WriteEndArray();
        writer.WriteStartArray("itinerary");
        foreach (var item in visit.Itinerary) WriteItem(writer, item);
        writer.WriteEndArray();
        if (visit.Recurrence is { } recurrence)
        {
            RecurrenceJsonWriter.WriteRule(writer, recurrence.Rule);
            if (recurrence.Exceptions.Count > 0) RecurrenceJsonWriter.WriteExceptions(writer, recurrence.Exceptions);
            if (occurrencesIn is { } window)
            {
                writer.WriteStartArray("occurrences");
                foreach (var occurrence in visit.Occurrences.Where(o => window.Overlaps(o.StartsAt, o.EndsAt))) RecurrenceJsonWriter.WriteOccurrence(writer, occurrence, visit.TimeZone);
                writer.WriteEndArray();
            }
        }
        if (visit.Source is { } source)
        {
            writer.WriteStartObject("source");
            writer.WriteString("uid", source.Uid);
            if (source.RecurrenceId is { } recurrenceId) writer.WriteString("recurrenceId", recurrenceId);
            writer.WriteEndObject();
        }
        if (visit.RemovedItems.Count > 0)
        {
            writer.WriteStartArray("removedItems");
            foreach (var removed in visit.RemovedItems)
            {
                // What a cancelled entry shows, not the item's notes and people (they are not kept).
                writer.WriteStartObject();
                writer.WriteString("id", removed.Item.Id);
                writer.WriteString("title", removed.Item.Title);
                WriteTiming(writer, removed.Item);
                if (removed.Item.Location is { } place) writer.WriteString("location", place.ToSingleLine());
                writer.WriteString("removedAt", TimeInput.Format(removed.RemovedAt));
                writer.WriteNumber("revision", removed.Revision);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteString("startsAt", TimeInput.Format(visit.StartsAt));
        writer.WriteString("endsAt", TimeInput.Format(visit.EndsAt));
        writer.WriteNumber("revision", visit.Revision);
        writer.WriteString("createdAt", TimeInput.Format(visit.CreatedAt));
        writer.WriteString("updatedAt", TimeInput.Format(visit.UpdatedAt));
        if (warnings is { Count: > 0 })
        {
            writer.WriteStartArray("warnings");
            foreach (var warning in warnings)
            {
                writer.WriteStartObject();
                writer.WriteString("field", warning.Field);
                writer.WriteString("message", warning.Message);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void WriteParticipant(Utf8JsonWriter writer, Participant participant)
    {
        writer.WriteStartObject();
        writer.WriteString("name", participant.Name);
        WriteOptional(writer, "title", participant.Title);
        WriteOptional(writer, "organization", participant.Organization);
        WriteOptional(writer, "role", participant.Role);
        WriteOptional(writer, "email", participant.Email);
        WriteOptional(writer, "personId", participant.PersonId);
        writer.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter writer, ItineraryItem item)
    {
        writer.WriteStartObject();
        writer.WriteString("id", item.Id);
        writer.WriteString("title", item.Title);
        WriteTiming(writer, item);
        if (item.Location is { } place) WritePlace(writer, place);
        WriteOptional(writer, "notes", item.Notes);
        WriteOptional(writer, "onlineUrl", item.OnlineUrl);
        if (item.Participants.Count > 0)
        {
            writer.WriteStartArray("participants");
            foreach (var participant in item.Participants) WriteParticipant(writer, participant);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// Local wall-clock times in the item's zone; a time that happens twice carries its offset, so putting the answer back
    /// means the same instant. All-day items as dates, the last one inclusive.
    /// </summary>
    private static void WriteTiming(Utf8JsonWriter writer, ItineraryItem item)
    {
        WriteTimes(writer, item.Timing);
        if (item.HasOwnTimeZone) writer.WriteString("timeZone", item.Timing.Zone.Id);
    }

    internal static void WritePlace(Utf8JsonWriter writer, Place place)
    {
        writer.WriteStartObject("location");
        writer.WriteString("name", place.Name);
        WriteOptional(writer, "address", place.Address);
        WriteOptional(writer, "city", place.City);
        if (place.Latitude is { } lat) writer.WriteNumber("lat", lat);
        if (place.Longitude is { } lon) writer.WriteNumber("lon", lon);
        writer.WriteEndObject();
    }

    /// <summary>"start" and "end" of an item's timing, as <see cref="WriteTiming"/> describes.</summary>
    internal static void WriteTimes(Utf8JsonWriter writer, ItemTiming timing)
    {
        if (timing.IsAllDay)
        {
            writer.WriteString("start", TimeInput.Format(timing.FirstDay));
            writer.WriteString("end", TimeInput.Format(timing.LastDay));
        }
        else
        {
            writer.WriteString("start", timing.StartOffset is null ? TimeInput.Format(timing.Start) : TimeInput.Format(timing.ZonedStart.ToOffsetDateTime()));
            writer.WriteString("end", timing.EndOffset is null ? TimeInput.Format(timing.End) : TimeInput.Format(timing.ZonedEnd.ToOffsetDateTime()));
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }
}
