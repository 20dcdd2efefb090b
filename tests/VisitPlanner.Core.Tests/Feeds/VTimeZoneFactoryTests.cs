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
        return System.Text.Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Fact]
    public void BerlinHasEveryChangeAroundTheEventsWithItsOnsetInTheOldOffset()
    {
        var text = Serialize("Europe/Berlin", Instant.FromUtc(2025, 10, 25, 8, 0), Instant.FromUtc(2025, 10, 27, 10, 0));

        Assert.Contains("BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\nTZNAME:CEST\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT", text);
        Assert.Contains("BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZNAME:CET\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD", text);
        // A year of margin either side.
        Assert.Contains("DTSTART:20241027T030000", text);
        Assert.Contains("DTSTART:20261025T030000", text);
        Assert.DoesNotContain("RRULE", text);
    }

    [Fact]
    public void ShanghaiIsOneStandardObservanceAtUtcPlusEight()
    {
        var text = Serialize("Asia/Shanghai", Instant.FromUtc(2025, 10, 15, 0, 0), Instant.FromUtc(2025, 10, 16, 0, 0));

        Assert.Contains("TZID:Asia/Shanghai", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "BEGIN:STANDARD"));
        Assert.DoesNotContain("BEGIN:DAYLIGHT", text);
        Assert.Contains("TZOFFSETTO:+0800", text);
    }
}
