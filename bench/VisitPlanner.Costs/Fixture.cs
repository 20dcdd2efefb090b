using System.Text.Json.Nodes;
using NodaTime.Text;
using NodaTime;

namespace VisitPlanner.Costs;

/// <summary>The Shouyang fixture (docs/examples/shouyang-aerospace-visit.json), moved so its first day is a given date.</summary>
public static class Fixture
{
    private static readonly LocalDate FixtureFirstDay = new(2025, 10, 15);

    public static string Shifted(string root, LocalDate firstDay, string calendarId, Action<JsonNode>? change = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "docs", "examples", "shouyang-aerospace-visit.json")))!;
        node["calendars"] = new JsonArray(calendarId);
        var shift = Period.Between(FixtureFirstDay, firstDay, PeriodUnits.Days).Days;
        foreach (var item in node["itinerary"]!.AsArray())
        {
            foreach (var field in new[] { "start", "end" })
            {
                var local = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(item![field]!.GetValue<string>()).Value;
                item[field] = local.PlusDays(shift).ToString("uuuu-MM-dd'T'HH:mm", null);
            }
        }
        change?.Invoke(node);
        return node.ToJsonString();
    }

    public static (string Id, string ETag) IdAndETag(Cost cost)
    {
        if (cost.Status is not (200 or 201)) throw new InvalidOperationException($"Expected 200/201, got {cost.Status}: {cost.Response.Content.ReadAsStringAsync().Result}");
        var id = JsonNode.Parse(cost.Response.Content.ReadAsStringAsync().Result)!["id"]!.GetValue<string>();
        return (id, cost.Response.Headers.ETag!.ToString());
    }
}
