using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Import;

/// <summary>
/// ORGANIZER and ATTENDEE (RFC 5545 sections 3.8.4.3, 3.8.4.1) as people: the name is CN, else the email address; the
/// email is the <c>mailto:</c> address (or the EMAIL parameter's) when the API would take it. Rooms and resources (CUTYPE=ROOM, RESOURCE) are no
/// participants, and people who declined (PARTSTAT=DECLINED) do not take part: both are left out.
/// </summary>
internal static class ImportPeople
{
    public static ImportedPerson? Person(ContentLine line, List<string> warnings)
    {
        var address = line.Value.Trim();
        if (address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) address = address[7..].Trim();
        // iCloud writes attendees as urn:uuid: with the address in EMAIL (RFC 7986 section 6.2).
        var email = IsEmail(address) ? address : line.Parameter("EMAIL")?.Trim() is { } given && IsEmail(given) ? given : null;
        var name = line.Parameter("CN") is { } cn ? ImportText.Line(cn, TextRules.Name, line, "a name", warnings) : null;
        name ??= email;
        return name is null ? null : new ImportedPerson(name, email);
    }

    /// <summary>The event's participants, in the order written, each address once, at most as many as the API takes.</summary>
    public static IReadOnlyList<ImportedPerson> Participants(IcsComponent vevent, List<string> warnings)
    {
        var people = new List<ImportedPerson>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in vevent.All("ATTENDEE"))
        {
            if (line.Parameter("CUTYPE")?.ToUpperInvariant() is "ROOM" or "RESOURCE" || line.Parameter("PARTSTAT")?.ToUpperInvariant() == "DECLINED") continue;
            if (Person(line, warnings) is not { } person)
            {
                warnings.Add(ImportWarnings.At(line, "names no one (no CN and no email address): left out"));
                continue;
            }
            if (seen.Add(person.Email ?? "name:" + person.Name)) people.Add(person);
        }
        if (people.Count <= EventJsonReader.MaxParticipants) return people;
        warnings.Add($"{ImportText.Number(people.Count)} ATTENDEEs, more than an event takes ({EventJsonReader.MaxParticipants}): participants are the first {EventJsonReader.MaxParticipants}");
        return people.Take(EventJsonReader.MaxParticipants).ToArray();
    }

    /// <summary>The check the API makes of an email (EventJsonReader.ReadEmail), so an address it would refuse is left out rather than failing the event.</summary>
    private static bool IsEmail(string text)
    {
        var at = text.IndexOf('@');
        return text.Length <= TextRules.Email.MaxLength && at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1
            && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or ':' or '"');
    }
}
