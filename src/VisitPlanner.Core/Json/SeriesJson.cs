using System.Text.Json;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Json;

/// <summary>A numbered series' JSON shape, both ways; its sessions as <c>GET /api/series/{id}</c> lists them.</summary>
public static class SeriesJson
{
    private static readonly HashSet<string> Fields = ["name", "kind", "calendars", "organizer", "numberFormat", "id", "updatedAt", "sessions", "pageUrl"];
    private static readonly HashSet<string> OrganizerFields = ["name", "organization", "email"];

    /// <summary>The series a body describes (its id from the URL), or every error; calendars are checked against <paramref name="knownCalendars"/>.</summary>
    public static (LectureSeries? Series, IReadOnlyList<FieldError> Errors) Read(JsonElement root, string id, IReadOnlySet<string> knownCalendars, NodaTime.Instant now)
    {
        var reader = new JsonFieldReader();
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Fail("$", $"the body must be a JSON object, not {JsonFieldReader.Describe(root)}");
            return (null, reader.Errors);
        }
        reader.RejectUnknown(root, "", Fields);
        var name = reader.String(root, "name", "", required: true, TextRules.Name);
        var kindName = reader.String(root, "kind", "", required: true, TextRules.Token);
        EventKind kind = default;
        if (kindName is not null && !EventKindNames.TryParse(kindName, out kind))
            reader.Fail("kind", $"'{kindName}' is not a kind; use one of: {string.Join(", ", EventKindNames.All)}");
        var calendars = new List<string>();
        if (reader.Array(root, "calendars", "", required: true, EventJsonReader.MaxCalendars) is { } elements)
        {
            for (var i = 0; i < elements.Count; i++)
            {
                var path = JsonFieldReader.PathOf("calendars", i);
                if (reader.Text(elements[i], path, required: true, TextRules.Token) is not { } calendar) continue;
                if (Identifier.Problem(calendar) is { } problem) reader.Fail(path, problem);
                else if (!knownCalendars.Contains(calendar)) reader.Fail(path, $"calendar '{calendar}' does not exist; create it first (PUT …/calendars/{calendar})");
                else if (calendars.Contains(calendar)) reader.Fail(path, $"calendar '{calendar}' is listed twice");
                else calendars.Add(calendar);
            }
            if (elements.Count == 0) reader.Fail("calendars", "must name at least one calendar");
        }
        Organizer? organizer = null;
        if (reader.Object(root, "organizer", "", required: false) is { } obj)
        {
            reader.RejectUnknown(obj, "organizer", OrganizerFields);
            var organizerName = reader.String(obj, "name", "organizer", required: true, TextRules.Name);
            var organization = reader.String(obj, "organization", "organizer", required: false, TextRules.Name);
            var email = EventJsonReader.ReadEmail(reader, obj, "organizer");
            if (organizerName is not null) organizer = new Organizer(organizerName, organization, email);
        }
        var format = reader.String(root, "numberFormat", "", required: false, new TextRules(40, Formatted: true)) ?? LectureSeries.DefaultNumberFormat;
        if (format.Split("{n}").Length != 2) reader.Fail("numberFormat", "must hold {n} exactly once, where the number goes, as in 第{n}期 or Session {n}");
        return reader.HasErrors ? (null, reader.Errors) : (new LectureSeries(id, name!, kind, calendars, organizer, format, now), []);
    }

    /// <summary>The series with its sessions, by number: a session's event as it is now (a number whose event was never written is left out).</summary>
    public static byte[] ToUtf8(LectureSeries series, IReadOnlyList<(SeriesSession Session, VisitEvent Event)> sessions, string pageUrl) => JsonOutput.ToUtf8(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", series.Id);
        writer.WriteString("name", series.Name);
        writer.WriteString("kind", series.Kind.ToWireName());
        writer.WriteStartArray("calendars");
        foreach (var calendar in series.Calendars) writer.WriteStringValue(calendar);
        writer.WriteEndArray();
        if (series.Organizer is { } organizer)
        {
            writer.WriteStartObject("organizer");
            writer.WriteString("name", organizer.Name);
            if (organizer.Organization is { } organization) writer.WriteString("organization", organization);
            if (organizer.Email is { } email) writer.WriteString("email", email);
            writer.WriteEndObject();
        }
        writer.WriteString("numberFormat", series.NumberFormat);
        writer.WriteString("updatedAt", TimeInput.Format(series.UpdatedAt));
        writer.WriteString("pageUrl", pageUrl);
        writer.WriteStartArray("sessions");
        foreach (var (session, visit) in sessions)
        {
            writer.WriteStartObject();
            writer.WriteNumber("number", session.Number);
            writer.WriteString("label", visit.Lecture?.ShortLabel ?? series.Name);
            writer.WriteString("eventId", visit.Id);
            writer.WriteString("topic", visit.Title);
            if (visit.Lecture?.Speaker is { } speaker) writer.WriteString("speaker", speaker);
            writer.WriteString("date", TimeInput.Format(visit.StartsAt.InZone(visit.TimeZone).Date));
            writer.WriteString("startsAt", TimeInput.Format(visit.StartsAt));
            writer.WriteString("status", visit.Status.ToWireName());
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    });
}
