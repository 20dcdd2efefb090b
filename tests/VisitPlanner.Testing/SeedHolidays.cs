using System.Text.Json.Nodes;
using VisitPlanner.DevTools.Azurite;

namespace VisitPlanner.Testing;

/// <summary>
/// A holiday schedule for 2027 in the holiday-cn format, invented for the tests and the API docs (the State Council
/// publishes the real one in November): docs/examples/holidays-cn-2027.json. 元旦 1–3 January (a Friday to a Sunday),
/// 春节 5–13 February with Sunday 31 January and Saturday 20 February worked, 国庆节 1–7 October with Sunday 26
/// September and Saturday 9 October worked, and the others on their days.
/// </summary>
public static class SeedHolidays
{
    public static string Schedule2027Json() =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "examples", "holidays-cn-2027.json"));

    /// <summary>The 2027 schedule with changes applied, e.g. <c>n => n["days"]![0]!["date"] = "2026-12-01"</c>.</summary>
    public static string Schedule2027Json(Action<JsonNode> change)
    {
        var node = JsonNode.Parse(Schedule2027Json())!;
        change(node);
        return node.ToJsonString();
    }
}
