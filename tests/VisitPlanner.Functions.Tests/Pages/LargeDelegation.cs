using System.Text.Json.Nodes;

namespace VisitPlanner.Functions.Tests.Pages;

/// <summary>
/// The Shouyang visit grown into what issue 9 was about: a delegation of <see cref="ParticipantCount"/> people (the
/// article's leaders and officials first, then staff of the zones, companies and universities it names) on a
/// three-day tour of <see cref="StopCount"/> stops. Titles are bilingual with long English words, so the printed
/// item column shows whether words stay whole, and the itinerary runs over several A4 pages, so it shows whether a
/// row continued on a new page keeps its date. Apply it with <see cref="PageTestSupport.PostVisitAsync"/>.
/// </summary>
internal static class LargeDelegation
{
    public const int ParticipantCount = 200;

    public const int StopCount = 36;

    public const int Days = 3;

    /// <summary>A role longer than a phone is wide, so a role column cut off at 390 px cannot go unnoticed.</summary>
    public const string LongRole = "Simultaneous interpreter (German–Chinese), delegation liaison";

    /// <summary>The English words of the stops' titles that are long enough to be broken by a narrow column.</summary>
    public static readonly IReadOnlyList<string> LongWords =
        ["Demonstration", "Manufacturing", "Telemetry", "Infrastructure", "Internationalisation", "Headquarters", "Exhibition", "Satellites"];

    private static readonly string[] Surnames = ["李", "王", "朱", "闫", "张", "贾", "于", "吕", "薛", "贺", "杨"];

    private static readonly string[] GivenNames = ["卫平", "勇", "义志", "健", "占宏", "骥", "幼平", "洋", "刚", "冠强", "成刚", "存伟", "振荣", "宇翔"];

    private static readonly string[] Organizations =
    [
        "寿阳经开区", "晋中市公投集团公司", "河津经济技术开发区", "太原理工大学", "中铁十七局", "西山煤电白家庄矿", "潞安新元煤业", "厦门大学", "泉州开发区", "山西中铝",
    ];

    private static readonly string[] Titles = ["招商局局长", "项目专员", "副主任", "工程师", "Senior Vice President, International Business Development", "研究员"];

    private static readonly string[] Roles = ["陪同", "联络员", "讲解", "随行记者", "驾驶员", LongRole];

    private static readonly (string Chinese, string English, string Place, string City)[] Stops =
    [
        ("参观科创新城规划建设展示中心", "Tour of the Innovation City Planning Exhibition", "鹤壁科创新城规划建设展示中心", "鹤壁"),
        ("调研卫星智造基地", "Satellites Manufacturing Demonstration Base", "天章卫星智造基地", "鹤壁"),
        ("调研航天测控基地", "Telemetry, Tracking and Command Infrastructure", "航天驭星测控基地", "鹤壁"),
        ("调研火箭总装智能制造基地", "Rocket Final Assembly Manufacturing Headquarters", "航宇火箭总装智能制造基地", "鹤壁"),
        ("专题座谈会", "Symposium on Internationalisation of Aerospace Industry", "航天宏图信息技术股份有限公司北京分公司", "北京"),
        ("交流学习", "Exchange on Industrial Park Infrastructure", "泉州开发区管委会", "泉州"),
    ];

    /// <summary>The stops' titles, in order: "参观… Tour of the … (1)".</summary>
    public static IReadOnlyList<string> StopTitles { get; } = Enumerable.Range(0, StopCount)
        .Select(i => $"{Stops[i % Stops.Length].Chinese} {Stops[i % Stops.Length].English} ({i + 1})").ToArray();

    /// <summary>How many of the generated participants have <paramref name="role"/>.</summary>
    public static int CountWithRole(string role) => Enumerable.Range(FixtureParticipants, ParticipantCount - FixtureParticipants).Count(i => Roles[i % Roles.Length] == role);

    /// <summary>The fixture's own participants (the article's leaders and officials), kept first.</summary>
    private const int FixtureParticipants = 7;

    /// <summary>Replaces the fixture's participants and itinerary (dates from <paramref name="firstDay"/>, Asia/Shanghai).</summary>
    public static void Apply(JsonNode visit, DateOnly firstDay)
    {
        var participants = new JsonArray();
        foreach (var leader in visit["participants"]!.AsArray()) participants.Add(leader!.DeepClone());
        if (participants.Count != FixtureParticipants) throw new InvalidOperationException($"The fixture has {participants.Count} participants, not {FixtureParticipants}.");
        for (var i = participants.Count; i < ParticipantCount; i++)
        {
            participants.Add(new JsonObject
            {
                ["name"] = Surnames[i % Surnames.Length] + GivenNames[i / Surnames.Length % GivenNames.Length],
                ["title"] = Titles[i % Titles.Length],
                ["organization"] = Organizations[i % Organizations.Length],
                ["role"] = Roles[i % Roles.Length],
            });
        }
        visit["participants"] = participants;

        var itinerary = new JsonArray();
        var perDay = StopCount / Days;
        for (var i = 0; i < StopCount; i++)
        {
            var (_, _, place, city) = Stops[i % Stops.Length];
            var day = PageTestSupport.Iso(firstDay.AddDays(i / perDay));
            var start = new TimeOnly(8, 0).AddMinutes(i % perDay * 50);
            var stop = new JsonObject
            {
                ["id"] = $"stop-{i + 1:00}",
                ["title"] = StopTitles[i],
                ["start"] = $"{day}T{start:HH:mm}",
                ["end"] = $"{day}T{start.AddMinutes(45):HH:mm}",
                ["location"] = new JsonObject { ["name"] = place, ["city"] = city },
            };
            if (i % 3 == 0) stop["notes"] = "请提前十分钟到达集合地点。 Please be at the meeting point ten minutes early.";
            itinerary.Add(stop);
        }
        visit["itinerary"] = itinerary;
    }
}
