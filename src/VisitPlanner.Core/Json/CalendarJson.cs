using System.Text.Json;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Core.Json;

/// <summary>A calendar's JSON shape, both ways.</summary>
public static class CalendarJson
{
    private static readonly HashSet<string> Fields =
        ["name", "description", "timeZone", "visibility", "banners", "alarmMinutesBefore", "refreshMinutes", "colors", "id", "updatedAt", "feedUrl", "pageUrl", "subscriptionsUrl"];

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
        var zone = ReadZone(reader, root);
        var visibility = reader.String(root, "visibility", "", required: false, TextRules.Token) switch
        {
            null or "private" => Visibility.Private,
            "public" => Visibility.Public,
            var other => Fail(reader, "visibility", $"'{other}' is not a visibility; use 'private' (the default: feeds need a subscription token) or 'public'"),
        };
        var banners = ReadBoolean(reader, root, "banners") ?? true;
        var alarmsGiven = root.TryGetProperty("alarmMinutesBefore", out var alarm);
        // Absent: the default reminder; null: no reminders at all.
        var alarmMinutes = !alarmsGiven ? VisitCalendar.DefaultAlarmMinutes
            : alarm.ValueKind == JsonValueKind.Null ? (int?)null
            : reader.Integer(root, "alarmMinutesBefore", "", 0, 7 * 24 * 60);
        var refresh = reader.Integer(root, "refreshMinutes", "", 15, 24 * 60) ?? VisitCalendar.DefaultRefreshMinutes;
        var colors = ReadColors(reader, root);
        return reader.HasErrors ? (null, reader.Errors) : (new CalendarDraft(name!, description, zone!, visibility, banners, alarmMinutes, refresh, colors), []);
    }

    /// <summary><c>"colors": {"studyTrip": "navy"}</c>: kinds to CSS3 colour names; kinds left out keep their default.</summary>
    private static IReadOnlyDictionary<EventKind, string> ReadColors(JsonFieldReader reader, JsonElement root)
    {
        var colors = new Dictionary<EventKind, string>();
        if (JsonFieldReader.Find(root, "colors") is not { } value) return colors;
        if (value.ValueKind != JsonValueKind.Object)
        {
            reader.Fail("colors", $"must be an object of kinds to colour names, such as {{\"studyTrip\": \"navy\"}}, not {JsonFieldReader.Describe(value)}");
            return colors;
        }
        foreach (var property in value.EnumerateObject())
        {
            var path = JsonFieldReader.PathOf("colors", property.Name);
            if (!EventKindNames.TryParse(property.Name, out var kind))
                reader.Fail(path, $"'{property.Name}' is not a kind; use one of: {string.Join(", ", EventKindNames.All)}");
            else if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() is not { } name || !KindColors.IsColorName(name))
                reader.Fail(path, "must be a CSS3 colour name in lower case, such as navy, teal or darkorange (RFC 7986 COLOR)");
            else colors[kind] = name;
        }
        return colors;
    }

    internal static NodaTime.DateTimeZone? ReadZone(JsonFieldReader reader, JsonElement root)
    {
        var zoneId = reader.String(root, "timeZone", "", required: false, TextRules.Token) ?? TimeZones.DefaultId;
        var zone = TimeZones.Find(zoneId);
        if (zone is null) reader.Fail("timeZone", $"'{zoneId}' is not an IANA time zone (such as Asia/Shanghai or Europe/Berlin)");
        return zone;
    }

    internal static bool? ReadBoolean(JsonFieldReader reader, JsonElement obj, string name)
    {
        if (JsonFieldReader.Find(obj, name) is not { } value) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        reader.Fail(name, $"must be true or false, not {JsonFieldReader.Describe(value)}");
        return null;
    }

    private static Visibility Fail(JsonFieldReader reader, string field, string message)
    {
        reader.Fail(field, message);
        return Visibility.Private;
    }

    /// <summary>The calendar as the API returns it, its links from <paramref name="links"/>.</summary>
    public static byte[] ToUtf8(VisitCalendar calendar, SiteLinks links) => JsonOutput.ToUtf8(writer =>
    {
        var agenda = AgendaKey.Calendar(calendar.Id);
        writer.WriteStartObject();
        writer.WriteString("id", calendar.Id);
        writer.WriteString("name", calendar.Name);
        if (calendar.Description is not null) writer.WriteString("description", calendar.Description);
        writer.WriteString("timeZone", calendar.TimeZone.Id);
        writer.WriteString("visibility", calendar.Visibility == Visibility.Public ? "public" : "private");
        writer.WriteBoolean("banners", calendar.ShowBanners);
        if (calendar.AlarmMinutesBefore is { } minutes) writer.WriteNumber("alarmMinutesBefore", minutes);
        else writer.WriteNull("alarmMinutesBefore");
        writer.WriteNumber("refreshMinutes", calendar.RefreshMinutes);
        // Every kind's colour, so a client shows the calendar as its feed does.
        writer.WriteStartObject("colors");
        foreach (var kind in Enum.GetValues<EventKind>()) writer.WriteString(kind.ToWireName(), calendar.ColorOf(kind));
        writer.WriteEndObject();
        // A private calendar's plain URLs answer 404: its feed and page are reached through subscriptions.
        if (calendar.Visibility == Visibility.Public)
        {
            writer.WriteString("feedUrl", links.Feed(agenda, token: null));
            writer.WriteString("pageUrl", links.CalendarPage(calendar.Id, token: null));
        }
        writer.WriteString("subscriptionsUrl", links.Subscriptions(agenda));
        writer.WriteString("updatedAt", TimeInput.Format(calendar.UpdatedAt));
        writer.WriteEndObject();
    });
}
