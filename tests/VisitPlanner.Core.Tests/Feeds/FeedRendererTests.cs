using System.Text;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Feeds;

/// <summary>
/// Feeds as clients read them: every check goes through consumers that share no code with Ical.Net, all but khal
/// (whose copy has no UIDs to find items by; tests/VisitPlanner.Core.Tests/Feeds/Consumers checks its instants).
/// </summary>
public class FeedRendererTests
{
    /// <summary>The day the tests' feeds are rendered on: two days after the fixtures were last edited.</summary>
    public static readonly LocalDate Today = new(2025, 10, 10);

    public static FeedSource Source(VisitCalendar? calendar = null, string? personId = null, LocalDate? today = null)
    {
        var c = calendar ?? TestEvents.Calendar();
        return new FeedSource(c.Name, c.Description, c.TimeZone, c.RefreshMinutes, c.AlarmMinutesBefore, c.ShowBanners, personId,
            today ?? Today, id => $"https://visitplanner.example/api/events/{id}/page")
        {
            IsPrivate = c.Visibility == Visibility.Private || personId is not null,
            ColorOf = c.ColorOf,
        };
    }

    private static string Render(params VisitEvent[] events) => System.Text.Encoding.UTF8.GetString(FeedRenderer.Render(Source(), events.Select(e => new AgendaEntry(e))));

    private static ParsedEvent Single(ParsedFeed feed, string uidPart) => Assert.Single(feed.Events, e => e.Uid.Contains(uidPart, StringComparison.Ordinal));

    [Fact]
    public void TheShouyangVisitRendersAsTheCommittedFixture()
    {
        // A change to this output is a change subscribers see: update Fixtures/shouyang-aerospace-visit.ics deliberately.
        var fixture = Path.Combine(AppContext.BaseDirectory, "Feeds", "Fixtures", "shouyang-aerospace-visit.ics");
        var actual = Render(TestEvents.Shouyang());

        var expected = File.Exists(fixture) ? File.ReadAllText(fixture).ReplaceLineEndings("\r\n") : "";
        if (expected != actual)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fixture)!);
            File.WriteAllText(fixture + ".actual", actual);
        }
        Assert.True(expected == actual, $"The feed differs from the fixture; the actual output is in {fixture}.actual");
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void EveryStopLandsOnItsUtcInstant(string parser)
    {
        var feed = FeedParsers.Parse(parser, Render(TestEvents.Shouyang()));

        Assert.Equal("寿阳经开区 外出考察", feed.Name);
        Assert.Equal(["Asia/Shanghai"], feed.TimeZones);
        foreach (var (itemId, startUtc, endUtc) in SeedEvents.ShouyangStopsUtc)
        {
            var stop = Single(feed, itemId);
            Assert.Equal(startUtc, stop.Start);
            Assert.Equal(endUtc, stop.End);
            if (FeedParsers.Reports(parser, ParsedField.Tzid)) Assert.Equal("Asia/Shanghai", stop.Tzid);
            Assert.Equal(FeedUid.ForItem("evt-shouyang-2025", itemId), stop.Uid);
        }
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void TheDescriptionNamesTheEventTheNotesTheLeadersAndHowManyTakePart(string parser)
    {
        var symposium = Single(FeedParsers.Parse(parser, Render(TestEvents.Shouyang())), "beijing-symposium");

        Assert.Equal("专题座谈会（王宇翔主持） · 航天产业专题考察（鹤壁、北京）", symposium.Summary);
        Assert.Equal("航天宏图信息技术股份有限公司北京分公司, 北京", symposium.Location);
        Assert.StartsWith("航天产业专题考察（鹤壁、北京）", symposium.Description);
        Assert.Contains("行程 Itinerary 6/6", symposium.Description);
        Assert.Contains("航天宏图董事长王宇翔主持", symposium.Description);
        // Seven take part: the two who lead (带队) are named, the rest counted; the page lists everyone.
        Assert.Contains("带队 Leaders:\n- 李卫平 (党工委书记、管委会主任, 寿阳经开区)\n- 王勇 (副董事长、总经理, 晋中市公投集团公司)", symposium.Description);
        foreach (var name in new[] { "李义志", "朱健", "闫占宏", "张骥", "贾幼平" }) Assert.DoesNotContain(name, symposium.Description);
        Assert.Contains("共 7 人 · 7 participants", symposium.Description);
        Assert.Contains("详情 Details: https://visitplanner.example/api/events/evt-shouyang-2025/page", symposium.Description);
        Assert.Equal(["delegationVisit"], symposium.Categories);
        Assert.Equal("CONFIRMED", symposium.Status);
    }

    /// <summary>Europe/Berlin leaves summer time at 03:00 CEST on the last Sunday of October 2025 (the 26th).</summary>
    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void ItemsAroundTheBerlinDaylightSavingChangeLandOnTheRightInstants(string parser)
    {
        var trip = TestEvents.FromJson(TestEvents.SingleItemJson("""
            {"id":"before","title":"Siemens Energy","start":"2025-10-25T10:00","end":"2025-10-25T11:00"},
            {"id":"ambiguous","title":"Night train","start":"2025-10-26T02:30","end":"2025-10-26T04:00"},
            {"id":"after","title":"Fraunhofer","start":"2025-10-27T10:00","end":"2025-10-27T11:30"}
            """, kind: "studyTrip", title: "德国考察 Study trip Germany", timeZone: "Europe/Berlin"));
        var spring = TestEvents.FromJson(TestEvents.SingleItemJson("""
            {"id":"gap","title":"Early flight","start":"2026-03-29T02:30","end":"2026-03-29T05:00"},
            {"id":"spring","title":"Hannover Messe","start":"2026-03-29T10:00","end":"2026-03-29T11:00"}
            """, kind: "studyTrip", title: "汉诺威工业博览会", timeZone: "Europe/Berlin"), id: "evt-hannover-2026");

        var feed = FeedParsers.Parse(parser, Render(trip, spring));

        Assert.Equal("2025-10-25T08:00:00.000Z", Single(feed, "before").Start);
        // 02:30 happens twice that night; RFC 5545 means the first (CEST). Written in UTC so no client guesses.
        Assert.Equal("2025-10-26T00:30:00.000Z", Single(feed, "ambiguous").Start);
        if (FeedParsers.Reports(parser, ParsedField.Tzid)) Assert.Null(Single(feed, "ambiguous").Tzid);
        Assert.Equal("2025-10-26T03:00:00.000Z", Single(feed, "ambiguous").End);
        // 02:30 does not exist on 29 March 2026; it moves forward by the gap, to 03:30 CEST.
        Assert.Equal("2026-03-29T01:30:00.000Z", Single(feed, "gap").Start);
        if (FeedParsers.Reports(parser, ParsedField.Tzid)) Assert.Equal("Europe/Berlin", Single(feed, "before").Tzid);
        Assert.Equal("2025-10-27T09:00:00.000Z", Single(feed, "after").Start);
        Assert.Equal("2026-03-29T08:00:00.000Z", Single(feed, "spring").Start);
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void EventsInFutureYearsUseTodaysRules(string parser)
    {
        var future = TestEvents.FromJson(TestEvents.SingleItemJson("""
            {"id":"summer","title":"2031 summer visit","start":"2031-08-20T09:00","end":"2031-08-20T10:00"},
            {"id":"winter","title":"2031 winter visit","start":"2031-10-30T09:00","end":"2031-10-30T10:00"}
            """, timeZone: "Europe/Berlin"), id: "evt-2031-berlin");

        var feed = FeedParsers.Parse(parser, Render(future));

        Assert.Equal("2031-08-20T07:00:00.000Z", Single(feed, "summer").Start);
        Assert.Equal("2031-10-30T08:00:00.000Z", Single(feed, "winter").Start);
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void EventsInPastYearsUseTheRulesOfTheirTime(string parser)
    {
        // 2010: Berlin on CEST in July; and Shanghai, which has had no daylight saving since 1991.
        var berlin2010 = TestEvents.FromJson(TestEvents.SingleItemJson("""{"id":"expo","title":"Expo","start":"2010-07-01T09:00","end":"2010-07-01T10:00"}""", timeZone: "Europe/Berlin"), id: "evt-2010-berlin");
        var shanghai1990 = TestEvents.FromJson(TestEvents.SingleItemJson("""{"id":"dst","title":"1990 summer-time visit","start":"1990-07-01T09:00","end":"1990-07-01T10:00"}"""), id: "evt-1990-shanghai");

        var feed = FeedParsers.Parse(parser, Render(berlin2010, shanghai1990));

        Assert.Equal("2010-07-01T07:00:00.000Z", Single(feed, "expo").Start);
        // China observed daylight saving time (UTC+9) in summer 1990.
        Assert.Equal("1990-07-01T00:00:00.000Z", Single(feed, "dst").Start);
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void AllDayItemsAreDatesWithAnExclusiveEnd(string parser)
    {
        var trip = TestEvents.FromJson(TestEvents.SingleItemJson("""{"id":"xiamen","title":"厦门大学考察","start":"2025-11-03","end":"2025-11-05"}""", kind: "studyTrip"));

        var item = Single(FeedParsers.Parse(parser, Render(trip)), "xiamen");

        Assert.True(item.AllDay);
        Assert.Equal("2025-11-03", item.Start);
        Assert.Equal("2025-11-06", item.End);
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void AwkwardTextSurvivesEscapingAndFolding(string parser)
    {
        const string notes = "第一行, with comma; semicolon \\ backslash\r\nsecond line 🚀🛰️ 航天宏图\rthird";
        var visit = TestEvents.FromJson(TestEvents.SingleItemJson(
            $$"""{"id":"awkward","title":"座谈会, \"quoted\"; 🚀 {{new string('航', 40)}}","start":"2025-10-16T09:30","end":"2025-10-16T11:30","notes":{{System.Text.Json.JsonSerializer.Serialize(notes)}}}"""));

        var item = Single(FeedParsers.Parse(parser, Render(visit)), "awkward");

        Assert.StartsWith($"座谈会, \"quoted\"; 🚀 {new string('航', 40)}", item.Summary);
        // CR LF and lone CR become line feeds: iCalendar escapes only "\n".
        Assert.Contains("第一行, with comma; semicolon \\ backslash\nsecond line 🚀🛰️ 航天宏图", item.Description);
    }

    [Fact]
    public void LinesFoldAtSeventyFiveOctetsWithoutSplittingACharacter()
    {
        var visit = TestEvents.FromJson(TestEvents.SingleItemJson(
            $$"""{"id":"long","title":"{{string.Concat(Enumerable.Repeat("航天🚀", 60))}}","start":"2025-10-16T09:30","end":"2025-10-16T11:30"}"""));
        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

        var bytes = Encoding.UTF8.GetBytes(Render(visit));

        var lines = SplitCrLf(bytes);
        Assert.True(lines.Count > 10);
        Assert.All(lines, line => Assert.True(line.Length <= 75, $"{line.Length} octets: {Encoding.UTF8.GetString(line)}"));
        // Each physical line must be valid UTF-8 by itself: no character is cut between two lines.
        Assert.All(lines, line => strictUtf8.GetString(line));
        Assert.Contains(lines, line => line.Length >= 70);
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void CancelledEventsCarryTheirStatusAndSequence(string parser)
    {
        var cancelled = TestEvents.Shouyang() with { Status = EventStatus.Cancelled, Revision = 3 };

        var feed = FeedParsers.Parse(parser, Render(cancelled));

        Assert.All(feed.Events, e => Assert.Equal("CANCELLED", e.Status));
        Assert.All(feed.Events, e => Assert.Equal(2, e.Sequence));
    }

    [Fact]
    public void TheSameDataRendersToTheSameBytes()
    {
        Assert.Equal(Render(TestEvents.Shouyang()), Render(TestEvents.Shouyang()));
    }

    [Fact]
    public void AnEmptyCalendarIsStillAValidFeed()
    {
        var feed = FeedParsers.ParseWithIcalJs(Render());

        Assert.Empty(feed.Events);
        Assert.Equal("寿阳经开区 外出考察", feed.Name);
    }

    private static List<byte[]> SplitCrLf(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] != '\r' || bytes[i + 1] != '\n') continue;
            lines.Add(bytes[start..i]);
            start = i + 2;
        }
        Assert.Equal(bytes.Length, start);
        return lines;
    }
}
