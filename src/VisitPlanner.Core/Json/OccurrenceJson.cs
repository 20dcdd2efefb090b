using System.Text.Json;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Domain.Recurrence;

namespace VisitPlanner.Core.Json;

/// <summary>The body of <c>PUT /api/events/{id}/occurrences/{date}</c>, and the listing of occurrences.</summary>
public static class OccurrenceJson
{
    /// <summary>The exception the body makes of the occurrence on <paramref name="date"/>, or every error naming its field.</summary>
    public static (OccurrenceException? Exception, IReadOnlyList<FieldError> Errors) ReadException(JsonElement body, LocalDate date, IReadOnlyList<ItineraryItem> template)
    {
        var reader = new JsonFieldReader();
        if (body.ValueKind != JsonValueKind.Object)
        {
            reader.Fail("$", $"the body must be a JSON object, not {JsonFieldReader.Describe(body)}");
            return (null, reader.Errors);
        }
        var exception = RecurrenceJsonReader.ReadException(reader, body, "", template, date);
        return reader.HasErrors ? (null, reader.Errors) : (exception, []);
    }

    /// <summary>
    /// Whether the body is <c>{"status": "scheduled"}</c> alone: the occurrence goes back to what the template and the
    /// holidays say, its cancellation or override undone.
    /// </summary>
    public static bool RestoresTemplate(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.EnumerateObject().Count() == 1
        && JsonFieldReader.Find(body, "status") is { ValueKind: JsonValueKind.String } status && status.ValueEquals("scheduled");

    public static byte[] Listing(VisitEvent visit, IEnumerable<Occurrence> occurrences) => JsonOutput.ToUtf8(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("eventId", visit.Id);
        writer.WriteString("timeZone", visit.TimeZone.Id);
        writer.WriteStartArray("occurrences");
        foreach (var occurrence in occurrences) RecurrenceJsonWriter.WriteOccurrence(writer, occurrence, visit.TimeZone);
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static byte[] One(VisitEvent visit, Occurrence occurrence) =>
        JsonOutput.ToUtf8(writer => RecurrenceJsonWriter.WriteOccurrence(writer, occurrence, visit.TimeZone));
}
