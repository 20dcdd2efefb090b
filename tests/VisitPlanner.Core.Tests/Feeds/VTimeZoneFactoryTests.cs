using NodaTime;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Feeds.Serialization;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Core.Tests.Feeds;

public class VTimeZoneFactoryTests
{
    private static string Serialize(string zoneId, Instant from, Instant to)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        new FeedWriter(output).WriteZone(VTimeZoneFactory.Create(TimeZones.Find(zoneId)!, from, to));
        return System.Text.Encoding.UTF8.GetString(output.WrittenSpan).Replace("\r\n ", "");
    }

    private static int Count(string text, string part) => System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape(part)).Count;

    [Fact]
    public void BerlinIsOneRuleForEachChangeOnTheLastSundayWithItsOnsetInTheOldOffset()
    {
        var text = Serialize("Europe/Berlin", Instant.FromUtc(2025, 10, 25, 8, 0), Instant.FromUtc(2025, 10, 27, 10, 0));

        // "Last Sunday", not "4th Sunday": March 2026 has five Sundays, and the change is on the 29th.
        Assert.Contains("BEGIN:STANDARD\r\nDTSTART:20231029T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZNAME:CET\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD", text);
        Assert.Contains("BEGIN:DAYLIGHT\r\nDTSTART:20240331T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZNAME:CEST\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT", text);
        Assert.Equal(1, Count(text, "BEGIN:STANDARD"));
        Assert.Equal(1, Count(text, "BEGIN:DAYLIGHT"));
        Assert.DoesNotContain("UNTIL", text);
    }

    [Fact]
    public void ShanghaiIsOneStandardObservanceAtUtcPlusEight()
    {
        var text = Serialize("Asia/Shanghai", Instant.FromUtc(2025, 10, 15, 0, 0), Instant.FromUtc(2025, 10, 16, 0, 0));

        Assert.Contains("TZID:Asia/Shanghai", text);
        Assert.Equal(1, Count(text, "BEGIN:STANDARD"));
        Assert.DoesNotContain("BEGIN:DAYLIGHT", text);
        Assert.DoesNotContain("RRULE", text);
        Assert.Contains("TZOFFSETTO:+0800", text);
    }

    [Fact]
    public void SydneyChangesOnTheFirstSundaysOfOctoberAndApril()
    {
        var text = Serialize("Australia/Sydney", Instant.FromUtc(2026, 1, 10, 0, 0), Instant.FromUtc(2026, 1, 12, 0, 0));

        Assert.Contains("BEGIN:DAYLIGHT\r\nDTSTART:20241006T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU\r\nTZNAME:AEDT\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100", text);
        Assert.Contains("BEGIN:STANDARD\r\nDTSTART:20250406T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU\r\nTZNAME:AEST\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1000", text);
    }

    [Fact]
    public void SantiagoChangesOnTheFirstSundayOnOrAfterTheSecond()
    {
        // tzdb's "Sun>=2": in a month that begins on a Sunday that is the 8th, the second Sunday, so no n-th rule fits.
        var text = Serialize("America/Santiago", Instant.FromUtc(2026, 5, 1, 0, 0), Instant.FromUtc(2026, 5, 2, 0, 0));

        Assert.Contains("RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=SU;BYMONTHDAY=2,3,4,5,6,7,8", text);
        Assert.Contains("RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=SU;BYMONTHDAY=2,3,4,5,6,7,8", text);
    }

    [Fact]
    public void ARuleThatEndedIsWrittenAsItsOnsetsNotWithUntil()
    {
        // Iran kept summer time on fixed days until 2022, then none. UNTIL (which must be UTC in a VTIMEZONE) stops
        // python3-icalendar 4 reading the feed at all, so an ended rule is its onsets.
        var text = Serialize("Asia/Tehran", Instant.FromUtc(2022, 6, 1, 0, 0), Instant.FromUtc(2022, 6, 2, 0, 0));

        Assert.DoesNotContain("RRULE", text);
        Assert.Contains("BEGIN:DAYLIGHT\r\nDTSTART:20220322T000000\r\nTZNAME:+0430\r\nTZOFFSETFROM:+0330\r\nTZOFFSETTO:+0430", text);
        Assert.Contains("BEGIN:STANDARD\r\nDTSTART:20220922T000000\r\nTZNAME:+0330\r\nTZOFFSETFROM:+0430\r\nTZOFFSETTO:+0330", text);
        Assert.DoesNotContain("DTSTART:2023", text);
    }

    [Fact]
    public void ChangesNoYearlyRuleDescribesAreSingleOnsets()
    {
        // Morocco leaves summer time for Ramadan, which moves through the year.
        var text = Serialize("Africa/Casablanca", Instant.FromUtc(2025, 3, 1, 0, 0), Instant.FromUtc(2025, 3, 2, 0, 0));

        Assert.DoesNotContain("RRULE", text);
        Assert.True(Count(text, "BEGIN:STANDARD") >= 3);
    }

    [Fact]
    public void IrelandsWinterIsStandardTimeAsClientsExpectThoughTzdbCallsItNegativeSummerTime()
    {
        var text = Serialize("Europe/Dublin", Instant.FromUtc(2025, 7, 1, 0, 0), Instant.FromUtc(2025, 7, 2, 0, 0));

        Assert.Contains("BEGIN:STANDARD\r\nDTSTART:20231029T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZNAME:GMT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000", text);
        Assert.Contains("BEGIN:DAYLIGHT\r\nDTSTART:20240331T010000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZNAME:IST", text);
    }

    [Fact]
    public void TheSameYearsGiveTheSameVTimeZoneWhateverTheEventsDays()
    {
        Assert.Equal(
            Serialize("Europe/Berlin", Instant.FromUtc(2025, 1, 2, 0, 0), Instant.FromUtc(2025, 1, 3, 0, 0)),
            Serialize("Europe/Berlin", Instant.FromUtc(2025, 11, 2, 0, 0), Instant.FromUtc(2025, 12, 30, 0, 0)));
    }
}
