namespace VisitPlanner.Core.Tests.Import;

/// <summary>
/// 李卫平's calendar as Outlook 16 exports it: Windows zone names with their VTIMEZONEs, two "Customized Time Zone"s,
/// X-MICROSOFT-CDO-* and X-ALT-DESC, a weekly 周例会 with an EXDATE and an override that moves one Monday to Tuesday.
/// </summary>
public class OutlookExportTests
{
    private const string WeeklyMeeting = "040000008200E00074C5B7101A82E00800000000B0E1B7C2F539DC01000000000000000010000000C1A2F0E6A3B94B4C8D1E7F1A2B3C4D5E";
    private const string GroupStudy = "040000008200E00074C5B7101A82E00800000000D0A3C9E4F539DC01000000000000000010000000A9B8C7D6E5F44A3B9C8D7E6F5A4B3C2D";
    private const string FloodCheck = "040000008200E00074C5B7101A82E00800000000E1F2A3B4F539DC01000000000000000010000000B1C2D3E4F5A64B7C8D9E0F1A2B3C4D5E";
    private const string BerlinVisit = "040000008200E00074C5B7101A82E00800000000F2A3B4C5F539DC01000000000000000010000000C2D3E4F5A6B74C8D9E0F1A2B3C4D5E6F";
    private const string PiesatCall = "040000008200E00074C5B7101A82E00800000000A3B4C5D6F539DC01000000000000000010000000D3E4F5A6B7C84D9E0F1A2B3C4D5E6F7A";
    private const string CancelledMatchmaking = "040000008200E00074C5B7101A82E00800000000B4C5D6E7F539DC01000000000000000010000000E4F5A6B7C8D94E0F1A2B3C4D5E6F7A8B";

    private static readonly Core.Import.ImportPlan Plan = ImportFixtures.Read("outlook-export.ics");

    [Fact]
    public void TheWeeklyMeetingComesWithItsExdateAndItsMovedMondayAsExceptions()
    {
        var meeting = ImportFixtures.Single(Plan, WeeklyMeeting);

        Assert.Equal(62, meeting.Line);
        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"meeting","title":"周例会","timeZone":"Asia/Shanghai","calendars":["shouyang-edz-meetings"],
             "organizer":{"name":"李卫平","email":"liweiping@shouyang-edz.example"},
             "participants":[{"name":"王勇","email":"wangyong@jzgt.example"},{"name":"李义志","email":"liyizhi@shouyang-edz.example"},{"name":"朱健","email":"zhujian@shouyang-edz.example"}],
             "itinerary":[{"id":"item","title":"周例会","start":"2026-10-12T09:00:00","end":"2026-10-12T10:00:00","location":{"name":"管委会三楼会议室"},
               "notes":"各部门汇报上周工作完成情况及本周工作计划, 重点项目逐项过堂。\n\n请提前十分钟到场; 会议室已预订。"}],
             "recurrence":{"frequency":"weekly","byDay":["MO"],"until":"2026-11-30","holidays":"keep"},
             "exceptions":[{"date":"2026-10-26","status":"cancelled"},
               {"date":"2026-11-02","title":"周例会（调至周二）","location":{"name":"管委会五楼大会议室"},"itinerary":[{"id":"item","start":"2026-11-03T14:00:00","end":"2026-11-03T15:00:00"}]}]}
            """), ImportFixtures.Json(meeting.Body));
        Assert.Empty(meeting.Warnings);
    }

    [Fact]
    public void TheOverrideIsMergedIntoItsSeriesAndNotImportedAlone()
    {
        Assert.DoesNotContain(Plan.Events, e => e.Line == 105);
        Assert.DoesNotContain(Plan.Skipped, s => s.Line == 105);
        Assert.Single(Plan.Events, e => e.Uid == WeeklyMeeting);
    }

    [Fact]
    public void ACustomizedTimeZoneOfChinaIsReadAsTheCalendarsZoneWithAWarning()
    {
        var study = ImportFixtures.Single(Plan, GroupStudy);

        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"meeting","title":"党工委中心组学习（第九次）","timeZone":"Asia/Shanghai","calendars":["shouyang-edz-meetings"],
             "organizer":{"name":"寿阳经开区党工委","email":"dangwei@shouyang-edz.example"},
             "itinerary":[{"id":"item","title":"党工委中心组学习（第九次）","start":"2026-10-15T14:30:00","end":"2026-10-15T16:30:00",
               "location":{"name":"管委会二楼党建活动室"},"notes":"学习传达上级会议精神, 交流研讨。"}]}
            """), ImportFixtures.Json(study.Body));
        var warning = Assert.Single(study.Warnings);
        Assert.Matches(@"^TZID 'Customized Time Zone' names no IANA or Windows time zone; its VTIMEZONE \(line 24\) gives the offsets of Asia/Shanghai in 2026, which is used; \d+ zones do, and Asia/Shanghai is the calendar's zone$", warning);
    }

    [Fact]
    public void AnAllDayEventEndsOnItsLastDayAndTakesTheDefaultOrganizer()
    {
        var check = ImportFixtures.Single(Plan, FloodCheck);

        // DTEND;VALUE=DATE:20261018 is the day after: the API's end is the last day.
        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"other","title":"各党小组防汛排查","timeZone":"Asia/Shanghai","calendars":["shouyang-edz-meetings"],
             "organizer":{"name":"寿阳经开区党政办"},
             "itinerary":[{"id":"item","title":"各党小组防汛排查","start":"2026-10-16","end":"2026-10-17","location":{"name":"排洪渠沿线"}}]}
            """), ImportFixtures.Json(check.Body));
        Assert.Equal(["no ORGANIZER: the organizer is 寿阳经开区党政办, the import's default"], check.Warnings);
    }

    [Fact]
    public void AWindowsZoneNameIsItsIanaZoneWithoutAWarning()
    {
        var visit = ImportFixtures.Single(Plan, BerlinVisit);

        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"delegationVisit","title":"出访德国：阿德勒斯霍夫科技园座谈","timeZone":"Europe/Berlin","calendars":["shouyang-edz-meetings"],"status":"tentative",
             "organizer":{"name":"李卫平","email":"liweiping@shouyang-edz.example"},
             "participants":[{"name":"闫占宏","email":"yanzhanhong@shouyang-edz.example"},{"name":"张骥","email":"zhangji@shouyang-edz.example"}],
             "itinerary":[{"id":"item","title":"出访德国：阿德勒斯霍夫科技园座谈","start":"2026-10-20T10:00:00","end":"2026-10-20T12:00:00",
               "location":{"name":"Adlershof, Rudower Chaussee 17, 12489 Berlin"},"notes":"与柏林阿德勒斯霍夫科技园管理方座谈, 了解园区招商与孵化模式。"}]}
            """), ImportFixtures.Json(visit.Body));
        Assert.Empty(visit.Warnings);
    }

    [Fact]
    public void ACustomizedTimeZoneWithEuropeanRulesIsEuropeBerlin()
    {
        var call = ImportFixtures.Single(Plan, PiesatCall);

        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"meeting","title":"与航天宏图欧洲团队视频会","timeZone":"Europe/Berlin","calendars":["shouyang-edz-meetings"],
             "organizer":{"name":"Wang Yuxiang","email":"wangyuxiang@piesat.example"},
             "itinerary":[{"id":"item","title":"与航天宏图欧洲团队视频会","start":"2026-10-27T15:00:00","end":"2026-10-27T16:00:00",
               "location":{"name":"Microsoft Teams 会议"},"notes":"航天宏图欧洲团队介绍遥感数据服务, 商谈合作意向。"}]}
            """), ImportFixtures.Json(call.Body));
        var warning = Assert.Single(call.Warnings);
        Assert.Matches(@"^TZID 'Customized Time Zone 1' names no IANA or Windows time zone; its VTIMEZONE \(line 47\) gives the offsets of Europe/Berlin in 2026, which is used; \d+ zones do, and Europe/Berlin is the most common of them$", warning);
    }

    [Fact]
    public void ACancelledMeetingIsSkipped()
    {
        var skipped = Assert.Single(Plan.Skipped);

        Assert.Equal(new Core.Import.SkippedEvent(CancelledMatchmaking, 223, "cancelled in the source", CancelledInSource: true), skipped);
    }

    [Fact]
    public void EventsComeInTheOrderOfTheFile() =>
        Assert.Equal([(WeeklyMeeting, 62), (GroupStudy, 132), (FloodCheck, 154), (BerlinVisit, 174), (PiesatCall, 199)], Plan.Events.Select(e => (e.Uid, e.Line)));

    [Fact]
    public void EveryEventIsOneThePostingApiAccepts() => ImportFixtures.AssertAllAccepted(Plan);
}
