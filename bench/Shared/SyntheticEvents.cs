using System.Text.Json.Nodes;
using NodaTime;

namespace VisitPlanner.Bench;

/// <summary>
/// Event bodies (the JSON organizers post) for benchmarks and cost runs: itineraries shaped like the Shouyang
/// fixture (docs/examples/shouyang-aerospace-visit.json), mostly in Asia/Shanghai, every fifth in Europe/Berlin,
/// with Chinese text, seven participants, places with and without coordinates, and notes.
/// </summary>
public static class SyntheticEvents
{
    private static readonly string[] Kinds = ["studyTrip", "delegationVisit", "trainingLecture", "meeting", "inspection"];

    private static readonly (string Name, string City, double? Lat, double? Lon)[] Places =
    [
        ("鹤壁科创新城规划建设展示中心", "鹤壁", 35.7480, 114.2970),
        ("航天宏图信息技术股份有限公司总部", "鹤壁", null, null),
        ("天章卫星智造基地", "鹤壁", 35.7312, 114.3121),
        ("航天驭星测控基地", "鹤壁", null, null),
        ("航宇火箭总装智能制造基地", "鹤壁", 35.6954, 114.2558),
        ("寿阳经济技术开发区管委会", "寿阳", 37.8906, 113.1766),
        ("Fraunhofer-Institut für Produktionstechnik", "Berlin", 52.5125, 13.3229),
    ];

    private static readonly (string Start, string End)[] Slots =
    [
        ("08:30", "09:30"), ("09:45", "11:15"), ("13:30", "14:30"), ("14:45", "15:45"), ("16:00", "17:00"),
        ("17:15", "18:00"), ("19:00", "20:30"),
    ];

    /// <summary>
    /// One event's body. <paramref name="items"/> stops on <paramref name="day"/> (and following days when there are
    /// more stops than slots in a day); zone Asia/Shanghai, or Europe/Berlin when <paramref name="index"/> % 5 == 4.
    /// </summary>
    public static JsonObject Body(int index, LocalDate day, int items, string calendarId)
    {
        var berlin = index % 5 == 4;
        var itinerary = new JsonArray();
        for (var i = 0; i < items; i++)
        {
            var date = day.PlusDays(i / Slots.Length);
            var (start, end) = Slots[i % Slots.Length];
            var place = Places[(index + i) % Places.Length];
            var location = new JsonObject { ["name"] = place.Name, ["city"] = place.City };
            if (place.Lat is { } lat && place.Lon is { } lon)
            {
                location["lat"] = lat;
                location["lon"] = lon;
            }
            var item = new JsonObject
            {
                ["id"] = $"stop-{i + 1}",
                ["title"] = $"调研{place.Name} · 第{i + 1}站",
                ["start"] = $"{date:yyyy-MM-dd}T{start}",
                ["end"] = $"{date:yyyy-MM-dd}T{end}",
                ["location"] = location,
            };
            if (i % 3 == 2) item["notes"] = "议题：项目合作细节、项目选址、合作模式；请提前15分钟到达。";
            itinerary.Add(item);
        }
        return new JsonObject
        {
            ["kind"] = Kinds[index % Kinds.Length],
            ["title"] = $"航天产业专题考察（第{index + 1}批）",
            ["description"] = "寿阳经开区联合晋中市公投集团公司开展航天产业专题考察，推进寿阳县火箭制造项目合作。",
            ["timeZone"] = berlin ? "Europe/Berlin" : "Asia/Shanghai",
            ["calendars"] = new JsonArray(calendarId),
            ["organizer"] = new JsonObject { ["name"] = "寿阳经开区管委会", ["organization"] = "寿阳经济技术开发区", ["email"] = "edz@example.org" },
            ["participants"] = new JsonArray(
                new JsonObject { ["name"] = "李卫平", ["title"] = "党工委书记、管委会主任", ["organization"] = "寿阳经开区", ["role"] = "带队", ["email"] = "li@example.org" },
                new JsonObject { ["name"] = "王勇", ["title"] = "副董事长、总经理", ["organization"] = "晋中市公投集团公司", ["role"] = "带队" },
                new JsonObject { ["name"] = "李义志", ["role"] = "陪同" },
                new JsonObject { ["name"] = "朱健", ["role"] = "陪同" },
                new JsonObject { ["name"] = "闫占宏", ["role"] = "陪同", ["email"] = "yan@example.org" },
                new JsonObject { ["name"] = "张骥", ["role"] = "陪同" },
                new JsonObject { ["name"] = "贾幼平", ["role"] = "陪同" }),
            ["itinerary"] = itinerary,
        };
    }
}
