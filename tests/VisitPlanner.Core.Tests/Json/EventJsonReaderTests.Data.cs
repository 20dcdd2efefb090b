using System.Text.Json.Nodes;

namespace VisitPlanner.Core.Tests.Json;

public partial class EventJsonReaderTests
{
    private const string Invisible = "\u200B\u2060\uFEFF";

    /// <summary>
    /// Strings that say nothing, in fields with a format (where "" is no value) and in names and titles (where text made
    /// of spaces or invisible characters is no name): each is an error naming the field, never a silently absent field.
    /// </summary>
    public static TheoryData<string, Action<JsonNode>, string, string> EmptyAndInvisibleText => new()
    {
        { "empty item zone", n => n["itinerary"]![1]!["timeZone"] = "", "itinerary[1].timeZone", "must not be empty" },
        { "blank item zone", n => n["itinerary"]![0]!["timeZone"] = "   ", "itinerary[0].timeZone", "must not be empty" },
        { "empty event zone", n => n["timeZone"] = "", "timeZone", "must not be empty" },
        { "empty status", n => n["status"] = "", "status", "must not be empty" },
        { "blank status", n => n["status"] = " \t ", "status", "must not be empty" },
        { "empty personId", n => n["participants"]![0]!["personId"] = "", "participants[0].personId", "must not be empty" },
        { "empty item-level personId", n => n["itinerary"]![2]!["participants"] = JsonNode.Parse("""[{"name":"张师傅","personId":" "}]"""), "itinerary[2].participants[0].personId", "must not be empty" },
        { "empty email", n => n["organizer"]!["email"] = "", "organizer.email", "must not be empty" },
        { "empty participant email", n => n["participants"]![1]!["email"] = "", "participants[1].email", "must not be empty" },
        { "empty item id", n => n["itinerary"]![3]!["id"] = "", "itinerary[3].id", "must not be empty" },
        { "empty start", n => n["itinerary"]![0]!["start"] = "", "itinerary[0].start", "must not be empty" },
        { "empty calendar id", n => n["calendars"] = new JsonArray(""), "calendars[0]", "must not be empty" },
        { "invisible title", n => n["title"] = Invisible, "title", "no visible characters" },
        { "invisible item title", n => n["itinerary"]![4]!["title"] = " \u200B ", "itinerary[4].title", "no visible characters" },
        { "invisible participant name", n => n["participants"]![2]!["name"] = "\u2060", "participants[2].name", "no visible characters" },
        { "invisible organizer name", n => n["organizer"]!["name"] = "\uFEFF", "organizer.name", "no visible characters" },
        { "invisible place name", n => n["itinerary"]![0]!["location"]!["name"] = "\u3164", "itinerary[0].location.name", "no visible characters" },
        { "invisible notes", n => n["itinerary"]![5]!["notes"] = Invisible, "itinerary[5].notes", "no visible characters" },
        { "combining marks alone", n => n["title"] = "\u0301\u0301", "title", "no visible characters" },
        { "whitespace title", n => n["title"] = " \u3000 ", "title", "must not be empty" },
    };
}
