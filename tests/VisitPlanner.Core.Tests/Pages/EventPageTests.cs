using System.Text.RegularExpressions;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Pages;
using VisitPlanner.Testing;
using static VisitPlanner.Core.Tests.Pages.PageTestData;

namespace VisitPlanner.Core.Tests.Pages;

/// <summary>An event's page as HTML: its details and the printable 行程单 Itinerary.</summary>
public class EventPageTests
{
    private static string[] Rows(string html) =>
        Regex.Matches(Element(html, "table", "itinerary-table"), "<tr class=\"stop[^\"]*\"[^>]*>(.*?)</tr>", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value).ToArray();

    private static string[] Cells(string row) =>
        Regex.Matches(row, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => Text(m.Groups[1].Value)).ToArray();

    [Fact]
    public void TheItineraryListsEveryStopWithDateTimePlaceAndNotes()
    {
        var html = RenderEvent(TestEvents.Shouyang());

        var rows = Rows(html).Select(Cells).ToArray();
        Assert.Equal(6, rows.Length);
        Assert.Equal(["10月15日 周三Wed 15 Oct", "08:30–09:30", "参观鹤壁科创新城规划建设展示中心", "鹤壁科创新城规划建设展示中心, 鹤壁", "全体人员 All participants", ""], rows[0]);
        // Every row carries its date, so a row printed at the top of a new sheet still says its day.
        Assert.All(rows.Take(5), row => Assert.Equal("10月15日 周三Wed 15 Oct", row[0]));
        Assert.Equal("10月16日 周四Thu 16 Oct", rows[5][0]);
        Assert.Equal("09:30–11:30", rows[5][1]);
        Assert.Equal("航天宏图信息技术股份有限公司北京分公司, 北京", rows[5][3]);
        Assert.Contains("议题：寿阳县火箭制造项目合作细节", rows[5][5]);
    }

    [Fact]
    public void TheDetailsNameKindStatusOrganizerAndParticipants()
    {
        var html = RenderEvent(TestEvents.Shouyang());

        Assert.Contains("<title>航天产业专题考察（鹤壁、北京）</title>", html);
        Assert.Equal("航天产业专题考察（鹤壁、北京）", Text(Element(html, "h1", "event-title")));
        Assert.Contains(EventKind.DelegationVisit.Label(), html);
        Assert.Equal("已确认 Confirmed", Text(Element(html, "span", "event-status")));
        Assert.Equal("寿阳经开区管委会 (寿阳经济技术开发区)", Text(Element(html, "dd", "organizer")));
        var participants = Text(Element(html, "section", "participants"));
        Assert.Contains("李卫平", participants);
        Assert.Contains("党工委书记、管委会主任", participants);
        Assert.Contains("带队", participants);
        Assert.Contains("2025年10月15日 星期三 – 2025年10月16日 星期四", html);
        Assert.Contains("推进寿阳县火箭制造项目合作", Text(Element(html, "p", "description")));
        Assert.Equal($"{BaseUrl}/api/calendars/shouyang-edz-trips/page", AttributeOf(html, "back", "href"));
    }

    [Fact]
    public void TheItineraryComesRightAfterTheHeadingThenDetailsThenParticipants()
    {
        var html = RenderEvent(TestEvents.Shouyang());

        var order = new[] { "id=\"event-title\"", "id=\"event-dates\"", "id=\"itinerary\"", "id=\"details\"", "id=\"participants\"", "id=\"subscribe\"" }
            .Select(id => html.IndexOf(id, StringComparison.Ordinal)).ToArray();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Equal("日期 Dates: 2025年10月15日 星期三 – 2025年10月16日 星期四 (Wed 15 Oct 2025 – Thu 16 Oct 2025) · 时区 Time zone: Asia/Shanghai",
            Text(Element(html, "p", "event-dates")));
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(EventPage.OpenParticipantsUpTo, true)]
    [InlineData(EventPage.OpenParticipantsUpTo + 1, false)]
    [InlineData(200, false)]
    public void ParticipantsAreFoldedBehindTheirCountWhenThereAreMany(int count, bool open)
    {
        var visit = TestEvents.FromJson(SeedEvents.ShouyangAerospaceVisitJson(n =>
        {
            var people = n["participants"]!.AsArray();
            for (var i = people.Count; i < count; i++) people.Add(new System.Text.Json.Nodes.JsonObject { ["name"] = $"随行人员 {i + 1}", ["role"] = "陪同" });
        }));

        var section = Element(RenderEvent(visit), "section", "participants");

        Assert.Equal(open, Regex.IsMatch(section, "<details open>"));
        Assert.Matches("<details( open)?>\\s*<summary>", section);
        Assert.Equal($"参加人员 Participants ({count})", Text(Regex.Match(section, "<summary>.*?</summary>").Value));
        Assert.Equal(count, Regex.Matches(section, "<td class=\"role\">").Count);
    }

    [Fact]
    public void LabelsAreInChineseAndEnglish()
    {
        var html = RenderEvent(TestEvents.Shouyang());

        foreach (var label in new[] { "行程单 <span class=\"en\">Itinerary</span>", "参加人员 <span class=\"en\">Participants</span>", "日期<span class=\"en\">Date</span>",
                     "时间<span class=\"en\">Time</span>", "地点<span class=\"en\">Place</span>", "备注<span class=\"en\">Notes</span>", "组织 Organizer", "复制链接 Copy link" })
        {
            Assert.Contains(label, html);
        }
    }

    [Fact]
    public void ALectureShowsItsSeriesAndSpeaker()
    {
        var lecture = TestEvents.FromJson("""
            {"kind":"trainingLecture","title":"经开讲堂：招商引资新趋势","calendars":["shouyang-edz-trips"],"organizer":{"name":"寿阳经开区"},
             "series":"经开讲堂","sessionNumber":21,"speaker":"张教授",
             "itinerary":[{"id":"talk","title":"讲座","start":"2025-10-20T14:30","end":"2025-10-20T16:30"}]}
            """, id: "evt-lecture");

        var html = RenderEvent(lecture);

        Assert.Equal("经开讲堂 第21期 (session 21)", Text(Element(html, "dd", "series")));
        Assert.Equal("张教授", Text(Element(html, "dd", "speaker")));
        Assert.Contains("培训讲座 Training lecture", html);
        Assert.DoesNotContain("id=\"participants\"", html);
    }

    [Fact]
    public void ACancelledEventIsShownAndClearlyMarked()
    {
        var html = RenderEvent(TestEvents.FromJson(SeedEvents.ShouyangAerospaceVisitJson(), status: EventStatus.Cancelled));

        Assert.Equal("已取消 Cancelled", Text(Element(html, "span", "event-status")));
        Assert.Contains("已取消 Cancelled", Text(Element(html, "p", "cancelled")));
        Assert.Equal(6, Rows(html).Length);
    }

    [Fact]
    public void AStopInAnotherZoneNamesItAndItsOwnPeopleAreAdded()
    {
        var trip = TestEvents.FromJson(SeedEvents.ShouyangAerospaceVisitJson(n => n["itinerary"] = System.Text.Json.Nodes.JsonNode.Parse("""
            [{"id":"flight","title":"Flight PEK-FRA","start":"2025-10-24T13:30","end":"2025-10-24T18:00"},
             {"id":"siemens","title":"Siemens Energy","start":"2025-10-25T10:00","end":"2025-10-25T12:00","timeZone":"Europe/Berlin",
              "location":{"name":"Siemens Energy","city":"Erlangen","lat":49.5897,"lon":11.0041},
              "participants":[{"name":"Anna Weber","role":"interpreter"}]}]
            """)));

        var rows = Rows(RenderEvent(trip)).Select(Cells).ToArray();

        Assert.Equal("13:30–18:00", rows[0][1]);
        Assert.Equal("10:00–12:00Europe/Berlin", rows[1][1]);
        Assert.Equal("Siemens Energy, Erlangen (49.5897, 11.0041)", rows[1][3]);
        Assert.Equal("全体人员 All participants + Anna Weber (interpreter)", rows[1][4]);
    }

    [Fact]
    public void UserTextIsEncodedEverywhere()
    {
        const string attack = "<script>alert(1)</script>";
        var visit = TestEvents.FromJson(SeedEvents.ShouyangAerospaceVisitJson(n =>
        {
            n["title"] = attack;
            n["description"] = attack;
            n["organizer"]!["name"] = attack;
            n["participants"]![0]!["title"] = attack;
            n["itinerary"]![5]!["notes"] = attack;
            n["itinerary"]![5]!["title"] = attack;
        }));

        var html = RenderEvent(visit);

        Assert.Single(Regex.Matches(html, "<script"));
        Assert.DoesNotContain("<script>alert", html);
        Assert.Equal(7, Regex.Matches(html, "&lt;script&gt;alert\\(1\\)&lt;/script&gt;").Count);
    }
}
