using System.Buffers;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Domain.Recurrence;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Storage.Documents;

/// <summary>
/// The stored form of an event: a JSON document that storage owns, read without the API's validation, so that tightening
/// an API rule never makes a stored event unreadable, and a feed render does not re-validate every row.
/// <list type="bullet">
/// <item>Schema 1 (rows without <c>SchemaVersion</c>): the API's own JSON of the event, written by the first versions.</item>
/// <item>Schema 2: the same shape, with text as UTF-8 rather than \u escapes (<see cref="DocumentEncoder"/>), tombstones
/// slimmed to what a cancelled entry shows, and the offset of a local time that happens twice (<c>startOffset</c>,
/// <c>endOffset</c>).</item>
/// <item>Schema 3: schema 2 with a series' <c>recurrence</c>, its <c>holidays</c> (what the working calendar did to its
/// dates when written), its <c>exceptions</c>, an imported event's <c>source</c>, and a numbered session's <c>seriesId</c> and <c>numberFormat</c>. Events without those write schema 2,
/// byte for byte as before.</item>
/// </list>
/// Each schema has a committed fixture under the storage tests that must keep reading.
/// </summary>
public static class EventDocument
{
    /// <summary>The schema this code writes.</summary>
    public const int CurrentSchema = 3;

    /// <summary>The schema a document of <paramref name="visit"/> needs: 3 only for what schema 2 cannot say, so other events stay readable by the previous version.</summary>
    public static int SchemaOf(VisitEvent visit) => visit.Recurrence is null && visit.Source is null && visit.Lecture?.SeriesId is null ? 2 : 3;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = DocumentEncoder.Instance };

    private static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = 32 };

    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");

    private static readonly OffsetPattern OffsetText = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    public static byte[] Write(VisitEvent visit)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", visit.Id);
            writer.WriteString("kind", visit.Kind.ToWireName());
            writer.WriteString("status", visit.Status.ToWireName());
            writer.WriteString("title", visit.Title);
            Optional(writer, "description", visit.Description);
            writer.WriteString("timeZone", visit.TimeZone.Id);
            writer.WriteStartArray("calendars");
            foreach (var calendar in visit.Calendars) writer.WriteStringValue(calendar);
            writer.WriteEndArray();
            if (visit.Lecture is { } lecture)
            {
                Optional(writer, "speaker", lecture.Speaker);
                Optional(writer, "series", lecture.Series);
                if (lecture.SessionNumber is { } number) writer.WriteNumber("sessionNumber", number);
                if (lecture.SeriesId is { } seriesId)
                {
                    writer.WriteString("seriesId", seriesId);
                    writer.WriteString("numberFormat", lecture.NumberFormat);
                }
            }
            writer.WriteStartObject("organizer");
            writer.WriteString("name", visit.Organizer.Name);
            Optional(writer, "organization", visit.Organizer.Organization);
            Optional(writer, "email", visit.Organizer.Email);
            writer.WriteEndObject();
            WriteParticipants(writer, visit.Participants);
            writer.WriteStartArray("itinerary");
            foreach (var item in visit.Itinerary) WriteItem(writer, item);
            writer.WriteEndArray();
            if (visit.Recurrence is { } recurrence) RecurrenceDocument.Write(writer, recurrence);
            if (visit.Source is { } source)
            {
                writer.WriteStartObject("source");
                writer.WriteString("uid", source.Uid);
                Optional(writer, "recurrenceId", source.RecurrenceId);
                Optional(writer, "contentHash", source.ContentHash);
                writer.WriteEndObject();
            }
            if (visit.RemovedItems.Count > 0)
            {
                writer.WriteStartArray("removedItems");
                foreach (var removed in visit.RemovedItems)
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("item");
                    WriteItem(writer, removed.Item);
                    writer.WriteString("removedAt", InstantPattern.General.Format(removed.RemovedAt));
                    writer.WriteNumber("revision", removed.Revision);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteNumber("revision", visit.Revision);
            writer.WriteString("createdAt", InstantPattern.General.Format(visit.CreatedAt));
            writer.WriteString("updatedAt", InstantPattern.General.Format(visit.UpdatedAt));
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a document of any schema this code knows; throws <see cref="InvalidDataException"/> for anything else, which is corruption.</summary>
    public static VisitEvent Read(ReadOnlyMemory<byte> document, int schema)
    {
        if (schema is < 1 or > CurrentSchema) throw new InvalidDataException($"Event document schema {schema} is not one this version reads (1 to {CurrentSchema}).");
        try
        {
            using var json = JsonDocument.Parse(document, ReaderOptions);
            return ReadEvent(json.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or UnparsableValueException or ArgumentException)
        {
            throw new InvalidDataException($"A stored event document (schema {schema}) cannot be read: {e.Message}", e);
        }
    }

    private static VisitEvent ReadEvent(JsonElement root)
    {
        var zone = Zone(root.GetProperty("timeZone").GetString()!);
        var speaker = OptionalString(root, "speaker");
        var series = OptionalString(root, "series");
        int? session = root.TryGetProperty("sessionNumber", out var number) ? number.GetInt32() : null;
        var seriesId = OptionalString(root, "seriesId");
        var organizer = root.GetProperty("organizer");
        var itinerary = root.GetProperty("itinerary").EnumerateArray().Select(i => ReadItem(i, zone)).ToArray();
        return new VisitEvent
        {
            Id = root.GetProperty("id").GetString()!,
            Kind = EventKindNames.TryParse(root.GetProperty("kind").GetString()!, out var kind) ? kind : throw new InvalidDataException($"kind '{root.GetProperty("kind").GetString()}' is not one this version knows"),
            Status = EventStatusNames.TryParse(root.GetProperty("status").GetString()!, out var status) ? status : throw new InvalidDataException($"status '{root.GetProperty("status").GetString()}' is not one this version knows"),
            Title = root.GetProperty("title").GetString()!,
            Description = OptionalString(root, "description"),
            TimeZone = zone,
            Calendars = root.GetProperty("calendars").EnumerateArray().Select(c => c.GetString()!).ToArray(),
            Lecture = speaker is null && series is null && session is null && seriesId is null ? null : new Lecture(speaker, series, session)
            {
                SeriesId = seriesId,
                NumberFormat = OptionalString(root, "numberFormat") ?? LectureSeries.DefaultNumberFormat,
            },
            Organizer = new Organizer(organizer.GetProperty("name").GetString()!, OptionalString(organizer, "organization"), OptionalString(organizer, "email")),
            Participants = ReadParticipants(root),
            Itinerary = itinerary,
            Recurrence = root.TryGetProperty("recurrence", out var recurrence) ? RecurrenceDocument.Read(recurrence, root, itinerary) : null,
            Source = root.TryGetProperty("source", out var source) ? new ImportSource(source.GetProperty("uid").GetString()!, OptionalString(source, "recurrenceId"), OptionalString(source, "contentHash")) : null,
            RemovedItems = root.TryGetProperty("removedItems", out var removed)
                ? removed.EnumerateArray().Select(r => new RemovedItem(
                    ReadItem(r.GetProperty("item"), zone), Instant(r.GetProperty("removedAt")), r.GetProperty("revision").GetInt32())).ToArray()
                : [],
            Revision = root.GetProperty("revision").GetInt32(),
            CreatedAt = Instant(root.GetProperty("createdAt")),
            UpdatedAt = Instant(root.GetProperty("updatedAt")),
        };
    }

    private static void WriteItem(Utf8JsonWriter writer, ItineraryItem item)
    {
        writer.WriteStartObject();
        writer.WriteString("id", item.Id);
        writer.WriteString("title", item.Title);
        WriteTiming(writer, item.Timing);
        if (item.HasOwnTimeZone) writer.WriteString("timeZone", item.Timing.Zone.Id);
        if (item.Location is { } place) WritePlace(writer, place);
        Optional(writer, "notes", item.Notes);
        Optional(writer, "onlineUrl", item.OnlineUrl);
        if (item.Participants.Count > 0) WriteParticipants(writer, item.Participants);
        writer.WriteEndObject();
    }

    /// <summary>Dates for all-day timings, local date-times (with the offset where one happens twice) for timed ones.</summary>
    internal static void WriteTiming(Utf8JsonWriter writer, ItemTiming timing)
    {
        if (timing.IsAllDay)
        {
            writer.WriteString("start", LocalDatePattern.Iso.Format(timing.FirstDay));
            writer.WriteString("end", LocalDatePattern.Iso.Format(timing.LastDay));
        }
        else
        {
            writer.WriteString("start", LocalPattern.Format(timing.Start));
            writer.WriteString("end", LocalPattern.Format(timing.End));
            if (timing.StartOffset is { } startOffset) writer.WriteString("startOffset", OffsetText.Format(startOffset));
            if (timing.EndOffset is { } endOffset) writer.WriteString("endOffset", OffsetText.Format(endOffset));
        }
    }

    internal static void WritePlace(Utf8JsonWriter writer, Place place)
    {
        writer.WriteStartObject("location");
        writer.WriteString("name", place.Name);
        Optional(writer, "address", place.Address);
        Optional(writer, "city", place.City);
        if (place.Latitude is { } lat) writer.WriteNumber("lat", lat);
        if (place.Longitude is { } lon) writer.WriteNumber("lon", lon);
        writer.WriteEndObject();
    }

    internal static Place ReadPlace(JsonElement location) =>
        new(location.GetProperty("name").GetString()!, OptionalString(location, "address"), OptionalString(location, "city"),
            location.TryGetProperty("lat", out var lat) ? lat.GetDouble() : null, location.TryGetProperty("lon", out var lon) ? lon.GetDouble() : null);

    private static ItineraryItem ReadItem(JsonElement item, DateTimeZone eventZone)
    {
        var ownZone = item.TryGetProperty("timeZone", out var zoneId);
        var zone = ownZone ? Zone(zoneId.GetString()!) : eventZone;
        var timing = ReadTiming(item, zone);
        var place = item.TryGetProperty("location", out var location) ? ReadPlace(location) : null;
        return new ItineraryItem(item.GetProperty("id").GetString()!, item.GetProperty("title").GetString()!, timing, place, OptionalString(item, "notes"), ownZone)
        {
            Participants = ReadParticipants(item),
            OnlineUrl = OptionalString(item, "onlineUrl"),
        };
    }

    internal static ItemTiming ReadTiming(JsonElement owner, DateTimeZone zone)
    {
        var start = owner.GetProperty("start").GetString()!;
        var end = owner.GetProperty("end").GetString()!;
        // All-day items are the ones written as dates, in either schema.
        return start.Length == 10
            ? ItemTiming.AllDay(LocalDatePattern.Iso.Parse(start).GetValueOrThrow(), LocalDatePattern.Iso.Parse(end).GetValueOrThrow(), zone)
            : Timed(LocalPattern.Parse(start).GetValueOrThrow(), Offset(owner, "startOffset"), LocalPattern.Parse(end).GetValueOrThrow(), Offset(owner, "endOffset"), zone);
    }

    /// <summary>A stored timed item: its offsets, where it has them, say which of two occurrences it means.</summary>
    private static ItemTiming Timed(LocalDateTime start, Offset? startOffset, LocalDateTime end, Offset? endOffset, DateTimeZone zone)
    {
        var zonedStart = startOffset is { } s && zone.MapLocal(start).Count == 2 ? new ZonedDateTime(start.WithOffset(s).ToInstant(), zone) : start.InZone(zone, NodaTime.TimeZones.Resolvers.LenientResolver);
        var zonedEnd = endOffset is { } e && zone.MapLocal(end).Count == 2 ? new ZonedDateTime(end.WithOffset(e).ToInstant(), zone) : end.InZone(zone, NodaTime.TimeZones.Resolvers.LenientResolver);
        // A stored local time in a gap (schema 1 kept them as sent) stays as written; its instant resolves as it always did.
        return zonedStart.LocalDateTime == start && zonedEnd.LocalDateTime == end && zonedEnd.ToInstant() >= zonedStart.ToInstant()
            ? ItemTiming.Timed(zonedStart, zonedEnd)
            : ItemTiming.Timed(start, end, zone);
    }

    private static void WriteParticipants(Utf8JsonWriter writer, IReadOnlyList<Participant> participants)
    {
        writer.WriteStartArray("participants");
        foreach (var participant in participants)
        {
            writer.WriteStartObject();
            writer.WriteString("name", participant.Name);
            Optional(writer, "title", participant.Title);
            Optional(writer, "organization", participant.Organization);
            Optional(writer, "role", participant.Role);
            Optional(writer, "email", participant.Email);
            Optional(writer, "personId", participant.PersonId);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static IReadOnlyList<Participant> ReadParticipants(JsonElement owner) =>
        owner.TryGetProperty("participants", out var participants)
            ? participants.EnumerateArray().Select(p => new Participant(p.GetProperty("name").GetString()!, OptionalString(p, "title"), OptionalString(p, "organization"),
                OptionalString(p, "role"), OptionalString(p, "email"), OptionalString(p, "personId"))).ToArray()
            : [];

    internal static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }

    internal static string? OptionalString(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Offset? Offset(JsonElement owner, string name) =>
        OptionalString(owner, name) is { } text ? OffsetText.Parse(text).GetValueOrThrow() : null;

    private static Instant Instant(JsonElement value) => InstantPattern.General.Parse(value.GetString()!).GetValueOrThrow();

    /// <summary>
    /// A zone tzdb no longer knows (renamed ones stay as links, so only a corrupted row has one) makes the document
    /// unreadable: any other zone would move every time in it.
    /// </summary>
    private static DateTimeZone Zone(string id) => TimeZones.Find(id) ?? throw new InvalidDataException($"time zone '{id}' is not one this version knows");
}
