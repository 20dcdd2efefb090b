using System.Text;
using NodaTime;
using VisitPlanner.Core.Import;

namespace VisitPlanner.Core.Tests.Import;

/// <summary>One VEVENT's properties as the API's fields: times, text within the fields' bounds, people, kind and status.</summary>
public class EventMappingTests
{
    private const string Organizer = "ORGANIZER;CN=李卫平:mailto:liweiping@shouyang-edz.example";

    private static ImportedEvent One(params string[] lines)
    {
        var plan = ImportFixtures.ReadEvents(ImportFixtures.Event("one@x", lines));
        Assert.Empty(plan.Skipped);
        var imported = Assert.Single(plan.Events);
        ImportFixtures.AssertAccepted(imported);
        return imported;
    }

    private static string Item(ImportedEvent imported) => ImportFixtures.Json(imported.Body["itinerary"]![0]!);

    private static SkippedEvent Skipped(params string[] lines) => Assert.Single(ImportFixtures.ReadEvents(ImportFixtures.Event("one@x", lines)).Skipped);

    [Theory]
    [InlineData("DTSTART;VALUE=DATE:20261016", "", "2026-10-16", "2026-10-16")]
    [InlineData("DTSTART;VALUE=DATE:20261016", "DTEND;VALUE=DATE:20261019", "2026-10-16", "2026-10-18")]
    [InlineData("DTSTART;VALUE=DATE:20261016", "DURATION:P1D", "2026-10-16", "2026-10-16")]
    [InlineData("DTSTART;VALUE=DATE:20261016", "DURATION:P1W", "2026-10-16", "2026-10-22")]
    [InlineData("DTSTART:20261016", "DURATION:P3D", "2026-10-16", "2026-10-18")]
    [InlineData("DTSTART;TZID=Asia/Shanghai:20261016T090000", "", "2026-10-16T09:00:00", "2026-10-16T09:00:00")]
    [InlineData("DTSTART;TZID=Asia/Shanghai:20261016T090000", "DURATION:PT1H30M", "2026-10-16T09:00:00", "2026-10-16T10:30:00")]
    [InlineData("DTSTART;TZID=Asia/Shanghai:20261016T090000", "DURATION:P1DT2H", "2026-10-16T09:00:00", "2026-10-17T11:00:00")]
    [InlineData("DTSTART:20261016T010000Z", "DURATION:PT2H", "2026-10-16T01:00:00Z", "2026-10-16T03:00:00Z")]
    [InlineData("DTSTART:20261016T010000Z", "DTEND;TZID=Asia/Shanghai:20261016T110000", "2026-10-16T01:00:00Z", "2026-10-16T11:00:00")]
    public void TheItemsTimesComeFromDtstartAndDtendOrDuration(string start, string end, string itemStart, string itemEnd)
    {
        var imported = One(start, end, Organizer);

        Assert.Equal(itemStart, (string)imported.Body["itinerary"]![0]!["start"]!);
        Assert.Equal(itemEnd, (string)imported.Body["itinerary"]![0]!["end"]!);
        Assert.Empty(imported.Warnings);
    }

    [Fact]
    public void ADayOfDurationAcrossTheEndOfSummerTimeIsACalendarDay()
    {
        var imported = One("DTSTART;TZID=Europe/Berlin:20261024T100000", "DURATION:P1D", Organizer);

        Assert.Equal("2026-10-25T10:00:00", (string)imported.Body["itinerary"]![0]!["end"]!);
    }

    [Fact]
    public void AnEndOnTheStartsDayIsOneDayWithAWarning()
    {
        var imported = One("DTSTART;VALUE=DATE:20261016", "DTEND;VALUE=DATE:20261016", Organizer);

        Assert.Equal("""{"id":"item","title":"周例会","start":"2026-10-16","end":"2026-10-16"}""", Item(imported));
        Assert.Equal(["line 8, DTEND: is DTSTART's day, 2026-10-16; DTEND is the day after the last, so this is read as one day"], imported.Warnings);
    }

    [Fact]
    public void DtendWinsOverDurationWithAWarning()
    {
        var imported = One("DTSTART;TZID=Asia/Shanghai:20261016T090000", "DTEND;TZID=Asia/Shanghai:20261016T100000", "DURATION:PT3H", Organizer);

        Assert.Equal("2026-10-16T10:00:00", (string)imported.Body["itinerary"]![0]!["end"]!);
        Assert.Equal(["line 9, DURATION: is left aside: the event has DTEND too, which gives its end (RFC 5545 allows one of them)"], imported.Warnings);
    }

    [Theory]
    [InlineData("DURATION:-PT1H", "line 8, DURATION: '-PT1H' is negative: an event cannot end before it starts")]
    [InlineData("DURATION:1H", "line 8, DURATION: '1H' is not a duration (such as PT1H30M or P1D)")]
    [InlineData("DURATION:P1W2D", "line 8, DURATION: 'P1W2D' is not a duration (such as PT1H30M or P1D)")]
    [InlineData("DTEND;VALUE=DATE:20261017", "line 8, DTEND: is a date, but DTSTART is a date-time: both are dates for an all-day event, or both date-times")]
    public void ABadEndSkipsTheEvent(string end, string reason) =>
        Assert.Equal(reason, Skipped("DTSTART;TZID=Asia/Shanghai:20261016T090000", end, Organizer).Reason);

    [Fact]
    public void HoursOnAnAllDayEventSkipIt() =>
        Assert.Equal("line 8, DURATION: 'PT4H' has hours, minutes or seconds, but DTSTART is a date: an all-day event lasts whole days (P1D)",
            Skipped("DTSTART;VALUE=DATE:20261016", "DURATION:PT4H").Reason);

    [Theory]
    [InlineData("DTSTART:18991231T090000")]
    [InlineData("DTSTART;VALUE=DATE:22000101")]
    public void ADateOutsideTheApisYearsSkipsTheEvent(string start) =>
        Assert.StartsWith("line 7, DTSTART: ", Skipped(start).Reason);

    [Theory]
    [InlineData("会议", "meeting")]
    [InlineData("周例会", "meeting")]
    [InlineData("经开讲堂", "trainingLecture")]
    [InlineData("专业化培训", "trainingLecture")]
    [InlineData("考察学习", "studyTrip")]
    [InlineData("来访接待", "delegationVisit")]
    [InlineData("防汛排查", "inspection")]
    [InlineData("项目现场观摩", "inspection")]
    [InlineData("Team Meeting", "meeting")]
    [InlineData("site-visit", "delegationVisit")]
    [InlineData("LECTURE", "trainingLecture")]
    [InlineData("Safety inspection", "inspection")]
    [InlineData("studytrip", "studyTrip")]
    [InlineData("other", "other")]
    [InlineData("红色类别,Meeting", "meeting")]
    [InlineData("红色类别", "other")]
    [InlineData("Meetings", "other")]
    [InlineData("Visitor", "other")]
    public void CategoriesNameTheKind(string categories, string kind) =>
        Assert.Equal(kind, (string)One("DTSTART:20261016T090000", Organizer, $"CATEGORIES:{categories}").Body["kind"]!);

    [Fact]
    public void TheFirstCategoryNamingAKindWinsOverLaterLines() =>
        Assert.Equal("inspection", (string)One("DTSTART:20261016T090000", Organizer, "CATEGORIES:红色类别,安全检查", "CATEGORIES:会议").Body["kind"]!);

    [Theory]
    [InlineData("STATUS:TENTATIVE", "tentative")]
    [InlineData("STATUS:tentative", "tentative")]
    [InlineData("STATUS:CONFIRMED", null)]
    [InlineData("", null)]
    public void TentativeIsTheOnlyStatusWritten(string status, string? expected) =>
        Assert.Equal(expected, (string?)One("DTSTART:20261016T090000", Organizer, status).Body["status"]);

    [Fact]
    public void TextIsUnescapedAndFitToItsField()
    {
        var longTitle = string.Concat(Enumerable.Repeat("中心组学习", 50));
        var plan = ImportFixtures.ReadEvents(string.Join("\n", "BEGIN:VEVENT", "UID:text@x", $"SUMMARY:{longTitle}", "DTSTART:20261016T090000", Organizer,
            "LOCATION:管委会\\n三楼\t会议室\\, 寿阳", "DESCRIPTION:第一项\\n第二项\\N\u0007第三项\\, 完", "END:VEVENT"));

        var imported = Assert.Single(plan.Events);
        ImportFixtures.AssertAccepted(imported);
        var title = (string)imported.Body["title"]!;
        Assert.Equal(200, title.Length);
        Assert.Equal(longTitle[..199] + "…", title);
        Assert.Equal(title, (string)imported.Body["itinerary"]![0]!["title"]!);
        Assert.Equal("管委会 三楼 会议室, 寿阳", (string)imported.Body["itinerary"]![0]!["location"]!["name"]!);
        Assert.Equal("第一项\n第二项\n第三项, 完", (string)imported.Body["itinerary"]![0]!["notes"]!);
        Assert.Equal(["line 6, SUMMARY: 250 characters, more than a title takes (200): it keeps the first 199 and \"…\""], imported.Warnings);
    }

    [Fact]
    public void ASummaryWithNothingVisibleSkipsTheEvent()
    {
        var plan = ImportFixtures.ReadEvents(string.Join("\n", "BEGIN:VEVENT", "UID:blank@x", "SUMMARY:\u200b \\n", "DTSTART:20261016T090000", "END:VEVENT"));

        Assert.Equal(new SkippedEvent("blank@x", 4, "line 6, SUMMARY: has nothing visible: an event needs a title"), Assert.Single(plan.Skipped));
    }

    [Fact]
    public void PeopleAreNamedByCnElseTheirAddressAndRoomsAndDeclinersAreLeftOut()
    {
        var imported = One("DTSTART:20261016T090000",
            "ORGANIZER:MAILTO:wangyong@jzgt.example",
            "ATTENDEE;CN=\"李卫平\":mailto:liweiping@shouyang-edz.example",
            "ATTENDEE;CN=李卫平（重复）:mailto:LIWEIPING@shouyang-edz.example",
            "ATTENDEE;CUTYPE=ROOM;CN=三楼会议室:mailto:room3@shouyang-edz.example",
            "ATTENDEE;PARTSTAT=DECLINED;CN=贾幼平:mailto:jiayouping@shouyang-edz.example",
            "ATTENDEE;CN=朱健:urn:uuid:00000000-0000-0000-0000-000000000001",
            "ATTENDEE;CN=闫占宏;EMAIL=yanzhanhong@shouyang-edz.example:urn:uuid:00000000-0000-0000-0000-000000000002",
            "ATTENDEE:mailto:not an address",
            "ATTENDEE:mailto:zhangji@shouyang-edz.example");

        Assert.Equal(ImportFixtures.Expected("""
            {"organizer":{"name":"wangyong@jzgt.example","email":"wangyong@jzgt.example"},
             "participants":[{"name":"李卫平","email":"liweiping@shouyang-edz.example"},{"name":"朱健"},
               {"name":"闫占宏","email":"yanzhanhong@shouyang-edz.example"},{"name":"zhangji@shouyang-edz.example","email":"zhangji@shouyang-edz.example"}]}
            """), ImportFixtures.Json(new System.Text.Json.Nodes.JsonObject { ["organizer"] = imported.Body["organizer"]!.DeepClone(), ["participants"] = imported.Body["participants"]!.DeepClone() }));
        Assert.Equal(["line 15, ATTENDEE: names no one (no CN and no email address): left out"], imported.Warnings);
    }

    [Fact]
    public void ParticipantsStopAtWhatAnEventTakes()
    {
        var attendees = Enumerable.Range(1, 520).Select(i => $"ATTENDEE;CN=参会人{i}:mailto:p{i}@shouyang-edz.example").ToArray();

        var imported = One(["DTSTART:20261016T090000", Organizer, .. attendees]);

        Assert.Equal(500, imported.Body["participants"]!.AsArray().Count);
        Assert.Equal(["520 ATTENDEEs, more than an event takes (500): participants are the first 500"], imported.Warnings);
    }

    [Fact]
    public void TextAndBytesReadTheSame()
    {
        var text = ImportFixtures.Calendar(ImportFixtures.Event("same@x", "DTSTART;TZID=Asia/Shanghai:20261016T090000", Organizer, "DESCRIPTION:寿阳经开区 周例会"));
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

        var fromText = IcsImporter.Read(text, ImportFixtures.CalendarId, zone, ImportFixtures.FallbackOrganizer);
        var fromBytes = IcsImporter.Read(Encoding.UTF8.GetBytes(text), ImportFixtures.CalendarId, zone, ImportFixtures.FallbackOrganizer);

        Assert.Equal(ImportFixtures.Json(fromText.Events[0].Body), ImportFixtures.Json(fromBytes.Events[0].Body));
    }

    [Fact]
    public void ALocalTimeSkippedByTheClockChangeIsLeftForTheApiToMoveAndSay()
    {
        // 02:30 on 29 March 2026 does not exist in Berlin; the API takes it as 03:30 and warns, as for any organizer.
        var imported = One("DTSTART;TZID=Europe/Berlin:20260329T023000", "DTEND;TZID=Europe/Berlin:20260329T040000", Organizer);

        Assert.Equal("2026-03-29T02:30:00", (string)imported.Body["itinerary"]![0]!["start"]!);
    }

    [Fact]
    public void AnOverrideWithoutItsSeriesNeedsATitleAndAStart()
    {
        var noTitle = string.Join("\n", "BEGIN:VEVENT", "UID:a@x", "RECURRENCE-ID:20261019T090000", "DTSTART:20261019T090000", "END:VEVENT");
        var noStart = string.Join("\n", "BEGIN:VEVENT", "UID:b@x", "RECURRENCE-ID:20261019T090000", "SUMMARY:周例会", "END:VEVENT");

        var plan = ImportFixtures.ReadEvents(noTitle + "\n" + noStart);

        Assert.Equal([new SkippedEvent("a@x", 4, "has no SUMMARY: an event needs a title"), new SkippedEvent("b@x", 9, "has no DTSTART: an event needs a start")], plan.Skipped);
    }
}
