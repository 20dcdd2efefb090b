namespace VisitPlanner.Core.Tests.Import;

/// <summary>
/// A TZID is read as an IANA zone, then a Windows zone name, then by the offsets of the file's VTIMEZONE for it, then as
/// the calendar's zone; the last two with a warning naming the TZID.
/// </summary>
public class ZoneResolutionTests
{
    private static (string Zone, string Start, IReadOnlyList<string> Warnings) Read(string tzid, string vtimezones = "", string calendarZone = "Asia/Shanghai", string start = "20261020T100000")
    {
        var plan = ImportFixtures.ReadEvents(ImportFixtures.Event("zone@x", $"DTSTART;TZID={tzid}:{start}", "ORGANIZER;CN=李卫平:mailto:liweiping@shouyang-edz.example"), calendarZone, vtimezones);
        var imported = Assert.Single(plan.Events);
        ImportFixtures.AssertAccepted(imported);
        return ((string)imported.Body["timeZone"]!, (string)imported.Body["itinerary"]![0]!["start"]!, imported.Warnings);
    }

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("asia/shanghai", "Asia/Shanghai")]
    [InlineData("\"Asia / Shanghai\"", "Asia/Shanghai")]
    [InlineData("\"'America/New_York'\"", "America/New_York")]
    [InlineData("\"  Europe/London \"", "Europe/London")]
    [InlineData("/mozilla.org/20050126_1/Europe/Berlin", "Europe/Berlin")]
    [InlineData("/freeassociation.sourceforge.net/Tzfile/Asia/Tokyo", "Asia/Tokyo")]
    [InlineData("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires")]
    [InlineData("\"China Standard Time\"", "Asia/Shanghai")]
    [InlineData("china standard time", "Asia/Shanghai")]
    [InlineData("\"W. Europe Standard Time\"", "Europe/Berlin")]
    [InlineData("Eastern Standard Time", "America/New_York")]
    [InlineData("Tokyo Standard Time", "Asia/Tokyo")]
    [InlineData("GMT Standard Time", "Europe/London")]
    [InlineData("UTC", "UTC")]
    public void ANamedZoneIsReadWithoutAWarning(string tzid, string zone)
    {
        var (read, start, warnings) = Read(tzid);

        Assert.Equal(zone, read);
        Assert.Equal("2026-10-20T10:00:00", start);
        Assert.Empty(warnings);
    }

    [Fact]
    public void ANamedZoneWinsOverItsVTimeZone()
    {
        // An exporter's stale table says Shanghai keeps summer time; the name is what counts.
        var (zone, _, warnings) = Read("Asia/Shanghai", Vtimezone("Asia/Shanghai", Daylight("+0800", "+0900", "19700405T020000", "FREQ=YEARLY;BYMONTH=4;BYDAY=1SU"), Standard("+0900", "+0800", "19700913T020000", "FREQ=YEARLY;BYMONTH=9;BYDAY=2SU")));

        Assert.Equal("Asia/Shanghai", zone);
        Assert.Empty(warnings);
    }

    [Fact]
    public void AnOutlookDisplayNameIsMatchedByItsVTimeZoneAndTheCommonestMatchIsTaken()
    {
        const string tzid = "\"(UTC-05:00) Eastern Time (US & Canada)\"";
        var us = Vtimezone("(UTC-05:00) Eastern Time (US & Canada)",
            Standard("-0400", "-0500", "16011104T020000", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11"),
            Daylight("-0500", "-0400", "16010311T020000", "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3"));

        var (zone, start, warnings) = Read(tzid, us);

        Assert.Equal("America/New_York", zone);
        Assert.Equal("2026-10-20T10:00:00", start);
        Assert.Matches(@"^TZID '\(UTC-05:00\) Eastern Time \(US & Canada\)' names no IANA or Windows time zone; its VTIMEZONE \(line 4\) gives the offsets of America/New_York in 2026, which is used; \d+ zones do, and America/New_York is the most common of them$", Assert.Single(warnings));
    }

    [Fact]
    public void RulesWrittenTheTzdbWayAndRulesThatEndedAreFollowed()
    {
        // US rules before 2007 (first Sunday of April, last of October) with UNTIL, then "Sun>=8" and "Sun>=1" as tzdb writes them.
        var us = Vtimezone("US-Eastern",
            Daylight("-0500", "-0400", "19870405T020000", "FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z"),
            Standard("-0400", "-0500", "19671029T020000", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z"),
            Daylight("-0500", "-0400", "20070311T020000", "FREQ=YEARLY;BYMONTH=3;BYDAY=SU;BYMONTHDAY=8,9,10,11,12,13,14"),
            Standard("-0400", "-0500", "20071104T020000", "FREQ=YEARLY;BYMONTH=11;BYDAY=SU;BYMONTHDAY=1,2,3,4,5,6,7"));

        var (zone, _, warnings) = Read("US-Eastern", us);

        Assert.Equal("America/New_York", zone);
        Assert.Contains("gives the offsets of America/New_York in 2026", Assert.Single(warnings));
    }

    [Fact]
    public void OnsetsListedAsRdatesAreFollowed()
    {
        var berlin = Vtimezone("Mitteleuropa",
            Standard("+0200", "+0100", "20251026T030000", null, "20261025T030000"),
            Daylight("+0100", "+0200", "20260329T020000", null));

        var (zone, _, warnings) = Read("Mitteleuropa", berlin);

        Assert.Equal("Europe/Berlin", zone);
        Assert.Contains("gives the offsets of Europe/Berlin in 2026, which is used", Assert.Single(warnings));
    }

    [Fact]
    public void TheCalendarsZoneIsPreferredWhereItMatches()
    {
        var fixedEight = Vtimezone("Customized Time Zone", Standard("+0800", "+0800", "16010101T000000", null));

        Assert.Equal("Asia/Shanghai", Read("\"Customized Time Zone\"", fixedEight).Zone);
        Assert.Equal("Asia/Singapore", Read("\"Customized Time Zone\"", fixedEight, calendarZone: "Asia/Singapore").Zone);
        // Berlin is no match, so the commonest +08:00 zone is taken.
        var (zone, _, warnings) = Read("\"Customized Time Zone\"", fixedEight, calendarZone: "Europe/Berlin");
        Assert.Equal("Asia/Shanghai", zone);
        Assert.EndsWith("and Asia/Shanghai is the most common of them", Assert.Single(warnings));
    }

    [Fact]
    public void AVTimeZoneMatchingNoZoneLeavesTheCalendarsZoneWithAWarning()
    {
        var odd = Vtimezone("Customized Time Zone", Standard("+0317", "+0317", "16010101T000000", null));

        var (zone, start, warnings) = Read("\"Customized Time Zone\"", odd);

        Assert.Equal("Asia/Shanghai", zone);
        Assert.Equal("2026-10-20T10:00:00", start);
        Assert.Equal(["TZID 'Customized Time Zone' names no IANA or Windows time zone, and its VTIMEZONE (line 4) matches no IANA zone in 2026: its times are read in Asia/Shanghai, the calendar's zone"], warnings);
    }

    [Fact]
    public void AVTimeZoneThatCannotBeFollowedLeavesTheCalendarsZoneWithAWarning()
    {
        var monthly = Vtimezone("Lunar Time", Standard("+0800", "+0900", "20260101T000000", "FREQ=MONTHLY;BYMONTHDAY=1"));

        var (zone, _, warnings) = Read("Lunar Time", monthly);

        Assert.Equal("Asia/Shanghai", zone);
        Assert.Equal(["TZID 'Lunar Time' names no IANA or Windows time zone, and its VTIMEZONE (line 4) uses rules this import cannot follow: its times are read in Asia/Shanghai, the calendar's zone"], warnings);
    }

    [Fact]
    public void AnUnknownZoneIsWarnedOfOncePerEvent()
    {
        var plan = ImportFixtures.ReadEvents(ImportFixtures.Event("zone@x", "DTSTART;TZID=Beijing:20261020T100000", "DTEND;TZID=Beijing:20261020T110000", "ORGANIZER;CN=王勇:mailto:wangyong@jzgt.example"));

        var warning = Assert.Single(Assert.Single(plan.Events).Warnings);
        Assert.StartsWith("TZID 'Beijing' names no IANA or Windows time zone, and the file has no VTIMEZONE for it", warning);
    }

    [Fact]
    public void AnEndInAnotherZoneIsWrittenAsItsInstantInTheStartsZone()
    {
        // A flight: leaves Beijing at 13:30, lands in Frankfurt at 18:10 local (UTC+1 in November).
        var plan = ImportFixtures.ReadEvents(ImportFixtures.Event("flight@x",
            "DTSTART;TZID=Asia/Shanghai:20261102T133000", "DTEND;TZID=Europe/Berlin:20261102T181000", "ORGANIZER;CN=王勇:mailto:wangyong@jzgt.example"));

        var item = Assert.Single(plan.Events).Body["itinerary"]![0]!;
        Assert.Equal("2026-11-02T13:30:00", (string)item["start"]!);
        Assert.Equal("2026-11-03T01:10:00+08:00", (string)item["end"]!);
        ImportFixtures.AssertAllAccepted(plan);
    }

    private static string Vtimezone(string tzid, params string[] observances) => $"BEGIN:VTIMEZONE\nTZID:{tzid}\n{string.Join("\n", observances)}\nEND:VTIMEZONE";

    private static string Standard(string from, string to, string start, string? rule, string? rdate = null) => Observance("STANDARD", from, to, start, rule, rdate);

    private static string Daylight(string from, string to, string start, string? rule, string? rdate = null) => Observance("DAYLIGHT", from, to, start, rule, rdate);

    private static string Observance(string kind, string from, string to, string start, string? rule, string? rdate) =>
        $"BEGIN:{kind}\nDTSTART:{start}\nTZOFFSETFROM:{from}\nTZOFFSETTO:{to}\n{(rule is null ? "" : $"RRULE:{rule}\n")}{(rdate is null ? "" : $"RDATE:{rdate}\n")}END:{kind}";
}
