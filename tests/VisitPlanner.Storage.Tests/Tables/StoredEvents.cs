using System.Text.Json.Nodes;
using System.Text.Json;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Holidays;
using VisitPlanner.Core.Services;
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

    /// <summary>
    /// 周例会, every Monday 09:00 from 7 September to 30 November 2026, moved to the next working day on holidays (so
    /// 5 October meets on Thursday 8 October), with one occurrence cancelled and one overridden, as imported from a UID.
    /// </summary>
    public static VisitEvent WeeklySeries(string id, params string[] calendars)
    {
        var json = $$$"""
            {"kind":"meeting","title":"周例会","calendars":[{{{string.Join(",", calendars.Select(c => $"\"{c}\""))}}}],"organizer":{"name":"寿阳经开区党政办"},
             "itinerary":[{"id":"meeting","title":"周例会","start":"2026-09-07T09:00","end":"2026-09-07T10:00","location":{"name":"管委会三楼会议室"}}],
             "recurrence":{"frequency":"weekly","byDay":["MO"],"until":"2026-11-30","holidays":"nextWorkday"},
             "exceptions":[{"date":"2026-09-14","status":"cancelled"},
               {"date":"2026-09-21","title":"周例会（扩大）","speaker":"李卫平","notes":"各部门负责人参加","location":{"name":"管委会一楼报告厅","city":"寿阳"},
                "itinerary":[{"id":"meeting","start":"2026-09-22T14:00","end":"2026-09-22T16:00"}]}]}
            """;
        using var document = JsonDocument.Parse(json);
        var (draft, errors) = EventJsonReader.ReadDraft(document.RootElement, calendars.ToDictionary(c => c, Calendar), new Dictionary<string, Person>(), () => "x");
        Assert.True(draft is not null, string.Join("; ", errors));
        var holidays = SeriesHolidays.Settle(draft, new WorkingCalendar(ShippedHolidaySchedules.All), []).Value;
        return draft.ToEvent(id, revision: 3, Now, Now, holidays) with { Source = new ImportSource("040000008200E00074C5B7101A82E0080000000010D0B2F0C3E2DC01@outlook.example") };
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
