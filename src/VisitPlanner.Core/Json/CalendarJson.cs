using System.Text.Json;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Scheduling;

namespace VisitPlanner.Core.Json;

/// <summary>What an organizer sends to create or change a calendar.</summary>
public sealed record CalendarDraft(string Name, string? Description, NodaTime.DateTimeZone TimeZone);

/// <summary>A calendar's JSON shape, both ways.</summary>
public static class CalendarJson
{
    private static readonly HashSet<string> Fields = ["name", "description", "timeZone", "id", "updatedAt", "feedUrl"];

    public static (CalendarDraft? Draft, IReadOnlyList<FieldError> Errors) ReadDraft(JsonElement root)
    {
        var reader = new JsonFieldReader();
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Fail("$", $"the body must be a JSON object, not {JsonFieldReader.Describe(root)}");
            return (null, reader.Errors);
        }
        reader.RejectUnknown(root, "", Fields);
        var name = reader.String(root, "name", "", required: true, TextRules.Title);
        var description = reader.String(root, "description", "", required: false, TextRules.LongText);
        var zoneId = reader.String(root, "timeZone", "", required: false, TextRules.Name) ?? TimeZones.DefaultId;
        var zone = TimeZones.Find(zoneId);
        if (zone is null) reader.Fail("timeZone", $"'{zoneId}' is not an IANA time zone (such as Asia/Shanghai or Europe/Berlin)");
        return reader.HasErrors ? (null, reader.Errors) : (new CalendarDraft(name!, description, zone!), []);
    }

    public static byte[] ToUtf8(VisitCalendar calendar, string feedPath) => JsonOutput.ToUtf8(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", calendar.Id);
            writer.WriteString("name", calendar.Name);
            if (calendar.Description is not null) writer.WriteString("description", calendar.Description);
            writer.WriteString("timeZone", calendar.TimeZone.Id);
            writer.WriteString("feedUrl", feedPath);
            writer.WriteString("updatedAt", TimeInput.Format(calendar.UpdatedAt));
            writer.WriteEndObject();
        });
}
