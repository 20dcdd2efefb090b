namespace VisitPlanner.Core.Tests.Import;

/// <summary>
/// The 经开讲堂 calendar as Google exports it: X-WR-TIMEZONE, TZID=Asia/Shanghai for series and UTC for single events,
/// VALUE=DATE all-day events, ATTENDEEs with CN (an address where the guest has no name), an override written before
/// its series, and an override whose series is not in the file.
/// </summary>
public class GoogleExportTests
{
    private static readonly Core.Import.ImportPlan Plan = ImportFixtures.Read("google-export.ics");

    [Fact]
    public void AMonthlySeriesTakesItsOverrideThoughTheOverrideComesFirst()
    {
        var lectures = ImportFixtures.Single(Plan, "5k2j8h4g6f1d3s9a7q0w2e4r6t@google.com");

        Assert.Equal(39, lectures.Line);
        // UNTIL=20261217T155959Z is 23:59:59 on 17 December in Shanghai: the third Thursday of December is the last.
        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"other","title":"经开讲堂第22期：招商引资实务","timeZone":"Asia/Shanghai","calendars":["shouyang-edz-meetings"],
             "organizer":{"name":"寿阳经开区 经开讲堂","email":"c_7f3a9b2e4d1c@group.calendar.google.com"},
             "participants":[{"name":"王志坚","email":"wangzhijian@shouyang-edz.example"},{"name":"yudong@shouyang-edz.example","email":"yudong@shouyang-edz.example"}],
             "itinerary":[{"id":"item","title":"经开讲堂第22期：招商引资实务","start":"2026-10-15T14:30:00","end":"2026-10-15T16:30:00",
               "location":{"name":"经开区管委会报告厅"},"notes":"主讲：招商引资专家\n主题：招商引资实务与项目谋划\n\n欢迎各部门业务骨干参加。"}],
             "recurrence":{"frequency":"monthly","byDay":["3TH"],"until":"2026-12-17","holidays":"keep"},
             "exceptions":[{"date":"2026-11-19","title":"经开讲堂第23期：安全环保","notes":"主讲：寿阳经开区安全环保部\n主题：企业安全生产与环境治理帮扶"}]}
            """), ImportFixtures.Json(lectures.Body));
        Assert.Empty(lectures.Warnings);
        Assert.DoesNotContain(Plan.Events, e => e.Line == 19);
    }

    [Fact]
    public void UtcTimesStayInstantsInTheCalendarsZoneAndDeclinedGuestsAreLeftOut()
    {
        var visit = ImportFixtures.Single(Plan, "3r5t7y9u1i2o4p6a8s0d@google.com");

        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"other","title":"太原理工大学专家来访座谈","timeZone":"Asia/Shanghai","calendars":["shouyang-edz-meetings"],
             "organizer":{"name":"王志坚","email":"wangzhijian@shouyang-edz.example"},
             "participants":[{"name":"王志坚","email":"wangzhijian@shouyang-edz.example"},{"name":"何君苗","email":"hejunmiao@tyut.example"},
               {"name":"中铁十七局 刘工","email":"liu.gong@crec17.example"},{"name":"office@xishan-baijiazhuang.example","email":"office@xishan-baijiazhuang.example"}],
             "itinerary":[{"id":"item","title":"太原理工大学专家来访座谈","start":"2026-10-21T01:30:00Z","end":"2026-10-21T03:30:00Z",
               "location":{"name":"经开区管委会四楼会议室, 寿阳县"},
               "notes":"太原理工大学研究团队介绍煤矸石资源化利用与安全应急装备最新成果, 中铁十七局、西山煤电白家庄矿、潞安新元煤业参加座谈。\n议程：一、成果介绍; 二、企业需求; 三、合作对接"}]}
            """), ImportFixtures.Json(visit.Body));
        Assert.Empty(visit.Warnings);
    }

    [Fact]
    public void AnAllDayEventWithEmptyDescriptionAndLocationHasNeither()
    {
        var signing = ImportFixtures.Single(Plan, "1q2w3e4r5t6y7u8i9o0p@google.com");

        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"other","title":"“三个一批”集中签约活动","timeZone":"Asia/Shanghai","calendars":["shouyang-edz-meetings"],
             "organizer":{"name":"寿阳经开区党政办"},
             "itinerary":[{"id":"item","title":"“三个一批”集中签约活动","start":"2026-10-28","end":"2026-10-28"}]}
            """), ImportFixtures.Json(signing.Body));
        Assert.Equal(["no ORGANIZER: the organizer is 寿阳经开区党政办, the import's default"], signing.Warnings);
    }

    [Fact]
    public void AnOverrideWithoutItsSeriesIsAnEventOfItsOwnNamedByItsRecurrenceId()
    {
        var visit = ImportFixtures.Single(Plan, "7h9j1k3l5z7x9c1v3b5n@google.com", "20261105T090000");

        Assert.Equal(116, visit.Line);
        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"other","title":"项目现场观摩（第三期）","timeZone":"Asia/Shanghai","calendars":["shouyang-edz-meetings"],
             "organizer":{"name":"吕刚","email":"lvgang@shouyang-edz.example"},
             "itinerary":[{"id":"item","title":"项目现场观摩（第三期）","start":"2026-11-06T09:00:00","end":"2026-11-06T11:30:00",
               "location":{"name":"航宇火箭总装智能制造基地"},"notes":"组织党员突击队到项目现场观摩学习。"}]}
            """), ImportFixtures.Json(visit.Body));
        Assert.Equal(["its series (UID 7h9j1k3l5z7x9c1v3b5n@google.com) is not in the file: it is imported as an event of its own"], visit.Warnings);
    }

    [Fact]
    public void NothingIsSkipped()
    {
        Assert.Empty(Plan.Skipped);
        Assert.Equal([39, 69, 102, 116], Plan.Events.Select(e => e.Line));
    }

    [Fact]
    public void EveryEventIsOneThePostingApiAccepts() => ImportFixtures.AssertAllAccepted(Plan);
}
