using System.Text.Json;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Json;

/// <summary>
/// Writes an event as the API returns it: what <see cref="EventJsonReader"/> reads back, so a GET can be edited and PUT
/// back unchanged. (Storage keeps its own format, in VisitPlanner.Storage.)
/// </summary>
public static class EventJsonWriter
{
    /// <param name="warnings">What the write that made this version read differently from how it was sent; only its answer carries them.</param>
    public static byte[] ToUtf8(VisitEvent visit, IReadOnlyList<FieldWarning>? warnings = null) => JsonOutput.ToUtf8(writer => Write(writer, visit, warnings));

    public static void Write(Utf8JsonWriter writer, VisitEvent visit, IReadOnlyList<FieldWarning>? warnings = null)
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
        if (item.Location is { } place)
        {
            writer.WriteStartObject("location");
            writer.WriteString("name", place.Name);
            WriteOptional(writer, "address", place.Address);
            WriteOptional(writer, "city", place.City);
            if (place.Latitude is { } lat) writer.WriteNumber("lat", lat);
            if (place.Longitude is { } lon) writer.WriteNumber("lon", lon);
            writer.WriteEndObject();
        }
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
        var timing = item.Timing;
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
        if (item.HasOwnTimeZone) writer.WriteString("timeZone", timing.Zone.Id);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }
}
