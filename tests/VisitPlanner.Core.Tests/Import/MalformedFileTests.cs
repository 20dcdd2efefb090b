using System.Text;
using NodaTime;
using VisitPlanner.Core.Import;

namespace VisitPlanner.Core.Tests.Import;

/// <summary>A file that is not iCalendar as a whole fails as a whole, naming the line, and nothing of it is imported.</summary>
public class MalformedFileTests
{
    [Theory]
    [InlineData("malformed-no-vcalendar.ics", 1, "the file does not start with BEGIN:VCALENDAR (its first line is BEGIN:VEVENT): it is not an iCalendar file")]
    [InlineData("malformed-unbalanced.ics", 15, "END:VEVENT does not close BEGIN:VALARM of line 11, the innermost component open")]
    [InlineData("malformed-no-colon.ics", 12, "'重点项目逐项过堂。' is not a content line: it has no ':' (NAME:value), and a line continuing the one before must start with a space or a tab")]
    [InlineData("malformed-bad-utf8.ics", 4, "is not valid UTF-8: byte 0xCA at octet 14 of the line cannot start or continue a character (save the file as UTF-8)")]
    [InlineData("malformed-truncated.ics", 12, "BEGIN:VEVENT is never closed: the file ends before its END:VEVENT")]
    public void AMalformedFileFailsWithItsLine(string name, int line, string reason)
    {
        var error = Assert.Throws<IcsSyntaxException>(() => ImportFixtures.Read(name));

        Assert.Equal(line, error.Line);
        Assert.Equal(reason, error.Reason);
        Assert.Equal($"line {line}: {reason}", error.Message);
    }

    [Theory]
    [InlineData("", 1, "the file is empty: an iCalendar file starts with BEGIN:VCALENDAR")]
    [InlineData("\r\n\r\n", 1, "the file is empty")]
    [InlineData("PRODID:x\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", 1, "the file does not start with BEGIN:VCALENDAR (its first line is PRODID)")]
    [InlineData("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nSUMMARY:x\r\n", 3, "SUMMARY comes after END:VCALENDAR, outside any calendar")]
    [InlineData("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\n", 3, "BEGIN:VEVENT comes after END:VCALENDAR, outside any calendar")]
    [InlineData("BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", 2, "END:VEVENT does not close BEGIN:VCALENDAR of line 1")]
    [InlineData("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nEND:VCALENDAR\r\n", 3, "END:VCALENDAR closes nothing: no component is open")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:\r\n", 2, "BEGIN names no component")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", 2, "BEGIN:VEVENT is never closed")]
    public void BeginAndEndMustPairInsideACalendar(string text, int line, string reason)
    {
        var error = Assert.Throws<IcsSyntaxException>(() => IcsImporter.Read(text, ImportFixtures.CalendarId, DateTimeZoneProviders.Tzdb["Asia/Shanghai"], ImportFixtures.FallbackOrganizer));

        Assert.Equal(line, error.Line);
        Assert.StartsWith(reason, error.Reason);
    }

    [Fact]
    public void ComponentNamesAreCaseInsensitiveAndSeveralCalendarsMayFollowEachOther()
    {
        var text = ImportFixtures.Calendar(ImportFixtures.Event("a@x", "DTSTART:20261012T090000")) + ImportFixtures.Calendar(ImportFixtures.Event("b@x", "DTSTART:20261013T090000"))
            .Replace("BEGIN:VEVENT", "begin:vevent").Replace("END:VEVENT", "End:VEvent");

        var plan = IcsImporter.Read(text, ImportFixtures.CalendarId, DateTimeZoneProviders.Tzdb["Asia/Shanghai"], ImportFixtures.FallbackOrganizer);

        Assert.Equal(["a@x", "b@x"], plan.Events.Select(e => e.Uid));
    }

    [Fact]
    public void MoreThanFiveThousandVEventsFailTheFileAtTheOneTooMany()
    {
        var vevents = string.Join("\n", Enumerable.Range(0, ImportLimits.MaxEvents + 1).Select(i => $"BEGIN:VEVENT\nUID:{i}\nEND:VEVENT"));
        var text = ImportFixtures.Calendar(vevents);

        var error = Assert.Throws<IcsTooLargeException>(() => IcsImporter.Read(text, ImportFixtures.CalendarId, DateTimeZoneProviders.Tzdb["Asia/Shanghai"], ImportFixtures.FallbackOrganizer));

        Assert.Equal(3 + 3 * ImportLimits.MaxEvents + 1, error.Line);
        Assert.Equal("the file has more than 5,000 VEVENTs; an import takes at most that many: split the file", error.Reason);
    }

    [Fact]
    public void FiveThousandVEventsAreRead()
    {
        var vevents = string.Join("\n", Enumerable.Range(0, ImportLimits.MaxEvents).Select(i => ImportFixtures.Event($"{i}@x", $"DTSTART;TZID=China Standard Time:20261012T{i % 24:00}0000")));

        var plan = ImportFixtures.ReadEvents(vevents);

        Assert.Equal(ImportLimits.MaxEvents, plan.Events.Count);
        Assert.Empty(plan.Skipped);
    }

    [Fact]
    public void ComponentsNestedTooDeepFailTheFile()
    {
        var text = "BEGIN:VCALENDAR\r\n" + string.Concat(Enumerable.Range(0, ImportLimits.MaxDepth).Select(_ => "BEGIN:X-NEST\r\n"));

        var error = Assert.Throws<IcsTooLargeException>(() => ComponentReader.Read(ContentLineReader.Read(text)));

        Assert.Equal(ImportLimits.MaxDepth + 1, error.Line);
    }

    [Fact]
    public void UnknownComponentsAndPropertiesAreReadPastSilently()
    {
        var text = ImportFixtures.Calendar("""
            BEGIN:VTODO
            UID:todo@x
            SUMMARY:整理考察报告
            END:VTODO
            BEGIN:X-WR-THING
            X-ANYTHING;X-PARAM="a:b":c
            END:X-WR-THING
            BEGIN:VEVENT
            UID:event@x
            SUMMARY:周例会
            DTSTART:20261012T090000
            X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC
            BEGIN:X-CUSTOM
            FOO:bar
            END:X-CUSTOM
            END:VEVENT
            """);

        var plan = IcsImporter.Read(Encoding.UTF8.GetBytes(text), ImportFixtures.CalendarId, DateTimeZoneProviders.Tzdb["Asia/Shanghai"], ImportFixtures.FallbackOrganizer);

        var only = Assert.Single(plan.Events);
        Assert.Equal("event@x", only.Uid);
        Assert.Empty(plan.Skipped);
    }
}
