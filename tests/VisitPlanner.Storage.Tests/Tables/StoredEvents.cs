using System.Text.Json.Nodes;
using System.Text.Json;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Time;
using VisitPlanner.Testing;

namespace VisitPlanner.Storage.Tests.Tables;

/// <summary>Events for storage tests, from the seed fixture.</summary>
internal static class StoredEvents
{
    public static readonly Instant Now = Instant.FromUtc(2025, 10, 8, 6, 30);

    public static VisitCalendar Calendar(string id) => new(id, id, null, TimeZones.Default, Now);

    public static VisitEvent Shouyang(string id, params string[] calendars) => Shouyang(id, _ => { }, calendars);

    public static VisitEvent Shouyang(string id, Action<JsonNode> change, params string[] calendars)
    {
        var json = SeedEvents.ShouyangAerospaceVisitJson(node =>
        {
            node["calendars"] = new JsonArray(calendars.Select(c => (JsonNode)c!).ToArray());
            change(node);
        });
        using var document = JsonDocument.Parse(json);
        var people = EventJsonReader.PeekPersonIds(document.RootElement).ToDictionary(id => id, id => new Person(id, id, null, null, null, TimeZones.Default, Now));
        var (draft, errors) = EventJsonReader.ReadDraft(document.RootElement, calendars.ToDictionary(c => c, Calendar), people, () => Guid.NewGuid().ToString("N")[..8]);
        Assert.True(draft is not null, string.Join("; ", errors));
        return draft.ToEvent(id, revision: 1, Now, Now);
    }

    /// <summary>The same event moved by whole days, to spread events over time.</summary>
    public static VisitEvent Shifted(VisitEvent visit, string id, int days) => visit with
    {
        Id = id,
        Itinerary = visit.Itinerary.Select(i => i with
        {
            Timing = ItemTiming.Timed(i.Timing.Start.PlusDays(days), i.Timing.End.PlusDays(days), i.Timing.Zone),
        }).ToArray(),
    };
}
