using System.Text.Json;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Links;

namespace VisitPlanner.Core.Json;

/// <summary>A person's JSON shape, both ways.</summary>
public static class PersonJson
{
    private static readonly HashSet<string> Fields = ["name", "title", "organization", "email", "timeZone", "id", "updatedAt", "subscriptionsUrl"];

    public static (PersonDraft? Draft, IReadOnlyList<FieldError> Errors) ReadDraft(JsonElement root)
    {
        var reader = new JsonFieldReader();
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Fail("$", $"the body must be a JSON object, not {JsonFieldReader.Describe(root)}");
            return (null, reader.Errors);
        }
        reader.RejectUnknown(root, "", Fields);
        var name = reader.String(root, "name", "", required: true, TextRules.Name);
        var title = reader.String(root, "title", "", required: false, TextRules.Name);
        var organization = reader.String(root, "organization", "", required: false, TextRules.Name);
        var email = EventJsonReader.ReadEmail(reader, root, "");
        var zone = CalendarJson.ReadZone(reader, root);
        return reader.HasErrors ? (null, reader.Errors) : (new PersonDraft(name!, title, organization, email, zone!), []);
    }

    public static byte[] ToUtf8(Person person, SiteLinks links) => JsonOutput.ToUtf8(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", person.Id);
        writer.WriteString("name", person.Name);
        if (person.Title is not null) writer.WriteString("title", person.Title);
        if (person.Organization is not null) writer.WriteString("organization", person.Organization);
        if (person.Email is not null) writer.WriteString("email", person.Email);
        writer.WriteString("timeZone", person.TimeZone.Id);
        writer.WriteString("subscriptionsUrl", links.Subscriptions(AgendaKey.Person(person.Id)));
        writer.WriteString("updatedAt", TimeInput.Format(person.UpdatedAt));
        writer.WriteEndObject();
    });
}
