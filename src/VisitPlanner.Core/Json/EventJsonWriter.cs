using System.Text.Json;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Json;

/// <summary>
/// Writes an event as the API returns it. Storage keeps the same document, so there is one JSON shape
/// for an event and <see cref="EventJsonReader"/> reads both.
/// </summary>
public static class EventJsonWriter
{
    public static byte[] ToUtf8(VisitEvent visit) => JsonOutput.ToUtf8(writer => Write(writer, visit));

    public static void Write(Utf8JsonWriter writer, VisitEvent visit)
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
                writer.WriteStartObject();
                writer.WritePropertyName("item");
                WriteItem(writer, removed.Item);
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
        var timing = item.Timing;
        if (timing.IsAllDay)
        {
            writer.WriteString("start", TimeInput.Format(timing.FirstDay));
            writer.WriteString("end", TimeInput.Format(timing.LastDay));
        }
        else
        {
            writer.WriteString("start", TimeInput.Format(timing.Start));
            writer.WriteString("end", TimeInput.Format(timing.End));
        }
        if (item.HasOwnTimeZone) writer.WriteString("timeZone", timing.Zone.Id);
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
        if (item.Participants.Count > 0)
        {
            writer.WriteStartArray("participants");
            foreach (var participant in item.Participants) WriteParticipant(writer, participant);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }
}
