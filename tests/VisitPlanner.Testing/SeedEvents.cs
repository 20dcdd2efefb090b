using System.Text.Json.Nodes;
using VisitPlanner.DevTools.Azurite;

namespace VisitPlanner.Testing;

/// <summary>
/// Fixtures from the article the product grew from (../shared/seed): the Shouyang EDZ aerospace study visit of
/// 15–16 October 2025. The JSON is docs/examples/shouyang-aerospace-visit.json, the same file the API docs post.
/// </summary>
public static class SeedEvents
{
    public const string CalendarId = "shouyang-edz-trips";

    public static string ShouyangAerospaceVisitJson(string calendarId = CalendarId)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "examples", "shouyang-aerospace-visit.json")))!;
        node["calendars"] = new JsonArray(calendarId);
        return node.ToJsonString();
    }

    /// <summary>The fixture with changes applied, e.g. <c>n => n["title"] = "…"</c>.</summary>
    public static string ShouyangAerospaceVisitJson(Action<JsonNode> change, string calendarId = CalendarId)
    {
        var node = JsonNode.Parse(ShouyangAerospaceVisitJson(calendarId))!;
        change(node);
        return node.ToJsonString();
    }

    /// <summary>UTC instants of the fixture's six stops (China Standard Time is UTC+8 all year).</summary>
    public static readonly IReadOnlyList<(string ItemId, string StartUtc, string EndUtc)> ShouyangStopsUtc =
    [
        ("hebi-showroom", "2025-10-15T00:30:00.000Z", "2025-10-15T01:30:00.000Z"),
        ("piesat-hq", "2025-10-15T01:45:00.000Z", "2025-10-15T03:15:00.000Z"),
        ("tianzhang", "2025-10-15T05:30:00.000Z", "2025-10-15T06:30:00.000Z"),
        ("yuxing-ttc", "2025-10-15T06:45:00.000Z", "2025-10-15T07:45:00.000Z"),
        ("hangyu-rocket", "2025-10-15T08:00:00.000Z", "2025-10-15T09:00:00.000Z"),
        ("beijing-symposium", "2025-10-16T01:30:00.000Z", "2025-10-16T03:30:00.000Z"),
    ];
}
