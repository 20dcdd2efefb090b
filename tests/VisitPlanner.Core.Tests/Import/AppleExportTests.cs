using System.Text.Json.Nodes;

namespace VisitPlanner.Core.Tests.Import;

/// <summary>
/// The delegation's 出访德国 calendar as Apple Calendar exports it: TZID=Europe/Berlin with its VTIMEZONE, X-APPLE-*
/// properties and alarms, iCloud attendees as urn:uuid with EMAIL, a floating time, a daily series across the end of
/// summer time with EXDATE and RDATE, an endless weekly series, and a description longer than notes take.
/// </summary>
public class AppleExportTests
{
    private static readonly Core.Import.ImportPlan Plan = ImportFixtures.Read("apple-export.ics");

    [Fact]
    public void AnEventInBerlinKeepsItsZoneAndAnICloudAttendeeHisEmail()
    {
        var visit = ImportFixtures.Single(Plan, "6F1C2B9A-3D4E-4F5A-8B7C-9D0E1F2A3B4C");

        // LOCATION's line break becomes a space: a place's name is one line.
        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"studyTrip","title":"出访德国：柏林阿德勒斯霍夫科技园考察","timeZone":"Europe/Berlin","calendars":["shouyang-edz-meetings"],
             "organizer":{"name":"李卫平","email":"liweiping@shouyang-edz.example"},
             "participants":[{"name":"王勇","email":"wangyong@jzgt.example"},{"name":"李卫平","email":"liweiping@shouyang-edz.example"}],
             "itinerary":[{"id":"item","title":"出访德国：柏林阿德勒斯霍夫科技园考察","start":"2026-10-20T09:30:00","end":"2026-10-20T12:00:00",
               "location":{"name":"Adlershof Rudower Chaussee 17, 12489 Berlin, Deutschland"}}]}
            """), ImportFixtures.Json(visit.Body));
        Assert.Empty(visit.Warnings);
    }

    [Fact]
    public void AFloatingTimeIsWallClockTimeInTheCalendarsZoneWithoutAWarning()
    {
        var call = ImportFixtures.Single(Plan, "0B1C2D3E-4F5A-4B6C-8D7E-9F0A1B2C3D4E");

        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"other","title":"与鹤壁科创新城视频连线","timeZone":"Asia/Shanghai","calendars":["shouyang-edz-meetings"],
             "organizer":{"name":"寿阳经开区党政办"},
             "itinerary":[{"id":"item","title":"与鹤壁科创新城视频连线","start":"2026-10-22T15:00:00","end":"2026-10-22T16:00:00",
               "notes":"与鹤壁科创新城规划建设展示中心对接考察成果。"}]}
            """), ImportFixtures.Json(call.Body));
        Assert.Equal(["no ORGANIZER: the organizer is 寿阳经开区党政办, the import's default"], call.Warnings);
    }

    [Fact]
    public void ADailySeriesKeepsItsWallClockTimeAndTakesExdatesAndRdates()
    {
        var briefing = ImportFixtures.Single(Plan, "2C3D4E5F-6A7B-4C8D-9E0F-1A2B3C4D5E6F");

        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"meeting","title":"代表团早间碰头会","timeZone":"Europe/Berlin","calendars":["shouyang-edz-meetings"],
             "organizer":{"name":"王勇","email":"wangyong@jzgt.example"},
             "itinerary":[{"id":"item","title":"代表团早间碰头会","start":"2026-10-19T08:00:00","end":"2026-10-19T08:30:00",
               "location":{"name":"Hotel Adlon Kempinski, Unter den Linden 77, Berlin"}}],
             "recurrence":{"frequency":"daily","count":10,"extraDates":["2026-10-30"],"holidays":"keep"},
             "exceptions":[{"date":"2026-10-24","status":"cancelled"},{"date":"2026-10-25","status":"cancelled"}]}
            """), ImportFixtures.Json(briefing.Body));
        Assert.Equal(["line 77, RDATE: 2026-10-30 at 09:00 is at another time than the series (08:00): the occurrence on 2026-10-30 is imported at the series' time"], briefing.Warnings);
    }

    [Fact]
    public void AnEndlessSeriesEndsFiveYearsOnAndAUtcExdateIsItsLocalDate()
    {
        var weekly = ImportFixtures.Single(Plan, "3D4E5F6A-7B8C-4D9E-0F1A-2B3C4D5E6F7A");

        // EXDATE:20261104T140000Z is 15:00 in Berlin on 4 November (winter time, UTC+1).
        Assert.Equal(ImportFixtures.Expected("""
            {"kind":"meeting","title":"中德园区合作周例会（线上）","timeZone":"Europe/Berlin","calendars":["shouyang-edz-meetings"],
             "organizer":{"name":"李卫平","email":"liweiping@shouyang-edz.example"},
             "itinerary":[{"id":"item","title":"中德园区合作周例会（线上）","start":"2026-10-21T15:00:00","end":"2026-10-21T16:00:00"}],
             "recurrence":{"frequency":"weekly","byDay":["WE"],"until":"2031-10-20","holidays":"keep"},
             "exceptions":[{"date":"2026-11-04","status":"cancelled"}]}
            """), ImportFixtures.Json(weekly.Body));
        Assert.Equal(["line 90, RRULE: has no UNTIL or COUNT: the series is imported until 2031-10-20, five years after its first occurrence, as long as a series may run"], weekly.Warnings);
    }

    [Fact]
    public void ADescriptionLongerThanNotesTakeKeepsItsFirstCharactersWithAWarning()
    {
        var report = ImportFixtures.Single(Plan, "4E5F6A7B-8C9D-4E0F-1A2B-3C4D5E6F7A8B");
        var description = ImportFixtures.Bytes("apple-export.ics") is var bytes ? LongDescription(bytes) : "";
        var notes = (string)report.Body["itinerary"]![0]!["notes"]!;

        Assert.Equal(8123, description.Length);
        Assert.Equal(8000, notes.Length);
        Assert.Equal(description[..7999] + "…", notes);
        var item = (JsonObject)report.Body["itinerary"]![0]!.DeepClone();
        item.Remove("notes");
        Assert.Equal("""{"id":"item","title":"整理考察报告","start":"2026-10-23","end":"2026-10-23"}""", ImportFixtures.Json(item));
        Assert.Equal(["line 109, DESCRIPTION: 8,123 characters, more than notes takes (8,000): it keeps the first 7,999 and \"…\"",
            "no ORGANIZER: the organizer is 寿阳经开区党政办, the import's default"], report.Warnings);
    }

    [Fact]
    public void NothingIsSkippedAndEveryEventIsOneThePostingApiAccepts()
    {
        Assert.Empty(Plan.Skipped);
        Assert.Equal([26, 58, 71, 87, 101], Plan.Events.Select(e => e.Line));
        ImportFixtures.AssertAllAccepted(Plan);
    }

    /// <summary>The DESCRIPTION as the file has it, unfolded, read independently of the importer.</summary>
    private static string LongDescription(byte[] bytes)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes).Replace("\r\n ", "", StringComparison.Ordinal);
        var line = text.Split("\r\n").Single(l => l.StartsWith("DESCRIPTION:考察报告要点", StringComparison.Ordinal));
        return line["DESCRIPTION:".Length..];
    }
}
