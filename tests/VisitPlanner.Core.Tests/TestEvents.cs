using System.Text.Json;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Holidays;
using VisitPlanner.Core.Services;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Time;
using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests;

/// <summary>Events for tests, built through the real JSON reader so fixtures look like what organizers post.</summary>
internal static class TestEvents
{
    public static readonly Instant Created = Instant.FromUtc(2025, 9, 30, 2, 0);
    public static readonly Instant Updated = Instant.FromUtc(2025, 10, 8, 6, 30);

    public static VisitCalendar Calendar(string id = SeedEvents.CalendarId, string zone = "Asia/Shanghai") =>
        new(id, "寿阳经开区 外出考察", "Trips and visits of Shouyang EDZ", TimeZones.Find(zone)!, Updated);

    /// <summary>People the tests' events may refer to by personId.</summary>
    public static readonly IReadOnlyDictionary<string, Person> People = new Dictionary<string, Person>
    {
        ["li-weiping"] = new("li-weiping", "李卫平", "党工委书记、管委会主任", "寿阳经开区", "liweiping@shouyang-edz.example", TimeZones.Default, Instant.FromUtc(2025, 10, 1, 0, 0)),
        ["wang-yong"] = new("wang-yong", "王勇", "副董事长、总经理", "晋中市公投集团公司", "wangyong@jzgt.example", TimeZones.Default, Instant.FromUtc(2025, 10, 1, 0, 0)),
        ["driver-zhang"] = new("driver-zhang", "张师傅", null, null, null, TimeZones.Default, Instant.FromUtc(2025, 10, 1, 0, 0)),
    };

    public static EventReading Read(string json, params VisitCalendar[] calendars)
    {
        using var document = JsonDocument.Parse(json, JsonOutput.ParseOptions);
        var known = (calendars.Length == 0 ? [Calendar()] : calendars).ToDictionary(c => c.Id);
        var counter = 0;
        return EventJsonReader.ReadDraft(document.RootElement, known, People, () => $"item{++counter}");
    }

    public static VisitEvent FromJson(string json, string id = "evt-shouyang-2025", int revision = 1, EventStatus? status = null)
    {
        var (draft, errors) = Read(json);
        Assert.True(draft is not null, string.Join("; ", errors));
        // A series is settled against the shipped working calendar, as the service does when it is written.
        var holidays = draft.Recurrence is null ? null : SeriesHolidays.Settle(draft, Holidays, []) is { Problem: null } settled
            ? settled.Value : throw new InvalidOperationException("The series does not settle.");
        return draft.ToEvent(id, revision, Created, Updated, holidays) with { Status = status ?? draft.Status ?? EventStatus.Confirmed };
    }

    /// <summary>China's working calendar of the schedules the app ships (2025 and 2026).</summary>
    public static readonly WorkingCalendar Holidays = new(ShippedHolidaySchedules.All);

    public static VisitEvent Shouyang() => FromJson(SeedEvents.ShouyangAerospaceVisitJson());

    /// <summary>A one-item event: <paramref name="item"/> is the itinerary entry's JSON.</summary>
    public static string SingleItemJson(string item, string kind = "meeting", string title = "Meeting", string? timeZone = null) =>
        $$"""
        {"kind":"{{kind}}","title":"{{title}}",{{(timeZone is null ? "" : $"\"timeZone\":\"{timeZone}\",")}}
         "calendars":["{{SeedEvents.CalendarId}}"],"organizer":{"name":"寿阳经开区"},
         "itinerary":[{{item}}]}
        """;
}
