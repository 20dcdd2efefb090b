using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Feeds;

/// <summary>What a VEVENT says, as independent consumers read it: people, banners, privacy, colours, online links, lectures.</summary>
public class FeedComposerTests
{
    private static string Render(FeedSource source, params VisitEvent[] events) =>
        Encoding.UTF8.GetString(FeedRenderer.Render(source, events.Select(e => new AgendaEntry(e))));

    private static ParsedFeed Parse(string consumer, params VisitEvent[] events) => FeedParsers.Parse(consumer, Render(FeedRendererTests.Source(), events));

    private static ParsedEvent Item(ParsedFeed feed, string itemId) => Assert.Single(feed.Events, e => e.Uid.Contains($"-{itemId}@", StringComparison.Ordinal));

    private static VisitEvent Event(string items, string kind = "meeting", string title = "Meeting", string? timeZone = null) =>
        TestEvents.FromJson(TestEvents.SingleItemJson(items, kind, title, timeZone));

    /// <summary>A delegation of <paramref name="people"/> on four stops, two of them leading, a driver on the travel leg.</summary>
    public static VisitEvent Delegation(int people) => TestEvents.FromJson(SeedEvents.ShouyangAerospaceVisitJson(n =>
    {
        var participants = new JsonArray(
            JsonNode.Parse("""{"name":"李卫平","title":"党工委书记、管委会主任","organization":"寿阳经开区","role":"带队","email":"liweiping@shouyang-edz.example"}"""),
            JsonNode.Parse("""{"name":"王勇","title":"副董事长、总经理","organization":"晋中市公投集团公司","role":"带队","email":"wangyong@jzgt.example"}"""));
        for (var i = 2; i < people; i++)
            participants.Add(JsonNode.Parse($$"""{"name":"陪同人员{{i:000}}","title":"科员","organization":"寿阳经济技术开发区","role":"陪同","email":"staff{{i:000}}@shouyang-edz.example"}"""));
        n["participants"] = participants;
        var stops = n["itinerary"]!.AsArray();
        while (stops.Count > 3) stops.RemoveAt(3);
        stops.Add(JsonNode.Parse("""
            {"id":"drive-to-beijing","title":"乘车前往北京 Drive to Beijing","start":"2025-10-15T18:00","end":"2025-10-15T23:00",
             "participants":[{"name":"张师傅","role":"司机 Driver","email":"driver.zhang@shouyang-edz.example"}]}
            """));
    }));

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid, ParsedField.AttendeeNamesAndRoles)]
    public void ADelegationOf200NamesItsLeadersAndTheItemsOwnPeopleAndCountsTheRest(string consumer)
    {
        var feed = Parse(consumer, Delegation(200));

        var leg = Item(feed, "drive-to-beijing");
        Assert.Contains("带队 Leaders:\n- 李卫平 (党工委书记、管委会主任, 寿阳经开区)\n- 王勇 (副董事长、总经理, 晋中市公投集团公司)", leg.Description);
        Assert.Contains("本站 On this stop:\n- 张师傅 (司机 Driver)", leg.Description);
        Assert.Contains("共 201 人 · 201 participants", leg.Description);
        Assert.DoesNotContain("陪同人员", leg.Description);
        Assert.Equal(["mailto:liweiping@shouyang-edz.example", "mailto:wangyong@jzgt.example", "mailto:driver.zhang@shouyang-edz.example"], leg.Attendees.Select(a => a.Address));
        Assert.Equal(["CHAIR", "CHAIR", "REQ-PARTICIPANT"], leg.Attendees.Select(a => a.Role));
        Assert.Contains("共 200 人 · 200 participants", Item(feed, "hebi-showroom").Description);
    }

    [Fact]
    public void EachVEventOfThe200PersonVisitIsUnder2Point5KB()
    {
        var ics = Render(FeedRendererTests.Source(), Delegation(200));

        var sizes = System.Text.RegularExpressions.Regex.Matches(ics, "BEGIN:VEVENT.*?END:VEVENT\r\n", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => Encoding.UTF8.GetByteCount(m.Value)).ToArray();

        Assert.Equal(4, sizes.Length); // four stops, all on 15 October: no banner
        Assert.All(sizes, size => Assert.InRange(size, 1, 2500));
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void AFewPeopleAreAllNamedWithoutACount(string consumer)
    {
        var meeting = Event("""{"id":"m","title":"周例会","start":"2025-10-20T09:00","end":"2025-10-20T10:00"}""") with
        {
            Participants = [new Participant("李卫平", Role: "主持"), new Participant("闫占宏"), new Participant("张骥")],
        };

        var entry = Item(Parse(consumer, meeting), "m");

        Assert.Contains("参加人员 Participants:\n- 李卫平 (主持)\n- 闫占宏\n- 张骥", entry.Description);
        Assert.DoesNotContain("共 ", entry.Description);
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid, ParsedField.AttendeeNamesAndRoles)]
    public void AParticipantGivenOnlyByPersonIdHasThePersonsNameAndEmail(string consumer)
    {
        var visit = TestEvents.FromJson(TestEvents.SingleItemJson("""{"id":"m","title":"周例会","start":"2025-10-20T09:00","end":"2025-10-20T10:00"}""")
            .Replace("\"itinerary\"", "\"participants\":[{\"personId\":\"li-weiping\",\"role\":\"主持\"}],\"itinerary\""));

        var entry = Item(Parse(consumer, visit), "m");

        var attendee = Assert.Single(entry.Attendees);
        Assert.Equal(("mailto:liweiping@shouyang-edz.example", "李卫平", "CHAIR"), (attendee.Address, attendee.Name, attendee.Role));
        Assert.Contains("- 李卫平 (党工委书记、管委会主任, 寿阳经开区, 主持)", entry.Description);
    }

    /// <summary>
    /// RFC 6868: a CN with quotes and a caret, read back as written by ical.js, which implements it. The others here
    /// (python3-icalendar 4, vobject, libical 3.0, node-ical) show the escapes as they stand, so the name is also in the
    /// DESCRIPTION exactly as given (docs/feeds.md).
    /// </summary>
    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid, ParsedField.AttendeeNamesAndRoles)]
    public void QuotesAndCaretsInACommonNameSurviveThroughRfc6868(string consumer)
    {
        const string name = "\"老王\" Wang ^_^ (航天宏图)";
        var meeting = Event("""{"id":"m","title":"座谈会","start":"2025-10-20T09:00","end":"2025-10-20T10:00"}""") with
        {
            Participants = [new Participant(name, Email: "wang@piesat.example")],
        };

        var entry = Item(Parse(consumer, meeting), "m");

        Assert.Equal(consumer == FeedParsers.IcalJs ? name : "^'老王^' Wang ^_^ (航天宏图)", Assert.Single(entry.Attendees).Name);
        Assert.Contains("- " + name, entry.Description);
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void AnEventUnderADayGetsNoBannerThoughItCrossesMidnight(string consumer)
    {
        var late = Event("""{"id":"late","title":"夜间调度会","start":"2025-10-20T22:00","end":"2025-10-21T01:00"}""");
        var overnight = Event("""
            {"id":"day1","title":"出发","start":"2025-10-20T09:00","end":"2025-10-20T10:00"},
            {"id":"day2","title":"返回","start":"2025-10-21T09:00","end":"2025-10-21T10:00"}
            """) with { Id = "evt-overnight" };

        var feed = Parse(consumer, late, overnight);

        Assert.DoesNotContain(feed.Events, e => e.AllDay && e.Uid.StartsWith("evt-shouyang-2025-"));
        Assert.Single(feed.Events, e => e.AllDay && e.Uid.StartsWith("evt-overnight-"));
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void NoBannerWhereAnAllDayItemAlreadyCoversTheEventsDays(string consumer)
    {
        var fair = Event("""
            {"id":"fair","title":"汉诺威工业博览会 Hannover Messe","start":"2026-04-20","end":"2026-04-22"},
            {"id":"talk","title":"Siemens talk","start":"2026-04-21T14:00","end":"2026-04-21T15:00"}
            """, kind: "studyTrip", timeZone: "Europe/Berlin");

        var feed = Parse(consumer, fair);

        Assert.Equal(["fair"], feed.Events.Where(e => e.AllDay).Select(e => e.Uid.Split('-')[^1].Split('@')[0]));
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void ABannerShowsAllDayItemsByDateTimedOnesAtTheirFeedTimeAndCarriesTheLinkAndPlaces(string consumer)
    {
        // 02:30 on 29 March 2026 does not happen in Berlin: the feed, and so the banner, says 03:30.
        var trip = Event("""
            {"id":"flight","title":"Early flight","start":"2026-03-29T02:30","end":"2026-03-29T05:00","location":{"name":"Flughafen BER","city":"Berlin"}},
            {"id":"fair","title":"Hannover Messe","start":"2026-03-30","end":"2026-03-31","location":{"name":"Messegelände","city":"Hannover"}}
            """, kind: "studyTrip", title: "汉诺威工业博览会", timeZone: "Europe/Berlin");

        var banner = Assert.Single(Parse(consumer, trip).Events, e => e.AllDay && e.Uid.Contains("~trip"));

        Assert.Contains("03-29 03:30 Early flight", banner.Description);
        Assert.Contains("03-30–03-31 Hannover Messe", banner.Description);
        Assert.DoesNotContain("00:00", banner.Description);
        Assert.Equal("Berlin · Hannover", banner.Location);
        Assert.Equal("https://visitplanner.example/api/events/evt-shouyang-2025/page", banner.Url);
        Assert.Contains("详情 Details: https://visitplanner.example/api/events/evt-shouyang-2025/page", banner.Description);
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid, ParsedField.ClassColorAndConference)]
    public void APrivateCalendarsAndAPersonsEntriesAreClassPrivateAndAPublicCalendarsAreNot(string consumer)
    {
        var meeting = Event("""{"id":"m","title":"周例会","start":"2025-10-20T09:00","end":"2025-10-20T10:00"}""");
        var publicCalendar = TestEvents.Calendar() with { Visibility = Visibility.Public };

        var ofPrivate = Item(FeedParsers.Parse(consumer, Render(FeedRendererTests.Source(), meeting)), "m");
        var ofPublic = Item(FeedParsers.Parse(consumer, Render(FeedRendererTests.Source(publicCalendar), meeting)), "m");
        var ofPerson = FeedParsers.Parse(consumer, Render(FeedRendererTests.Source(publicCalendar, personId: "li-weiping"),
            meeting with { Participants = [new Participant("李卫平", PersonId: "li-weiping")] }));

        Assert.Equal("PRIVATE", ofPrivate.Class);
        Assert.Null(ofPublic.Class);
        Assert.Equal("PRIVATE", Item(ofPerson, "m").Class);
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid, ParsedField.ClassColorAndConference)]
    public void EachKindHasItsColourAndACalendarMayChooseItsOwn(string consumer)
    {
        var lecture = Event("""{"id":"l","title":"安全环保","start":"2025-10-20T15:00","end":"2025-10-20T17:00"}""", kind: "trainingLecture") with { Id = "evt-lecture" };
        var meeting = Event("""{"id":"m","title":"周例会","start":"2025-10-20T09:00","end":"2025-10-20T10:00"}""");
        var navyMeetings = TestEvents.Calendar() with { Colors = new Dictionary<EventKind, string> { [EventKind.Meeting] = "navy" } };

        var byDefault = FeedParsers.Parse(consumer, Render(FeedRendererTests.Source(), lecture, meeting));
        var chosen = FeedParsers.Parse(consumer, Render(FeedRendererTests.Source(navyMeetings), lecture, meeting));

        Assert.Equal(("darkorange", "steelblue"), (Item(byDefault, "l").Color, Item(byDefault, "m").Color));
        Assert.Equal(("darkorange", "navy"), (Item(chosen, "l").Color, Item(chosen, "m").Color));
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid, ParsedField.ClassColorAndConference)]
    public void AnItemOnlineHasAConferenceAndSaysSoInItsDescription(string consumer)
    {
        var lecture = Event("""
            {"id":"l","title":"安全环保","start":"2025-10-20T15:00","end":"2025-10-20T17:00","onlineUrl":"https://meeting.tencent.com/dm/AbC123xyz?pwd=8848"}
            """, kind: "trainingLecture");

        var entry = Item(Parse(consumer, lecture), "l");

        Assert.Equal(new ParsedConference("https://meeting.tencent.com/dm/AbC123xyz?pwd=8848", "线上参加 Join online"), entry.Conference);
        Assert.Contains("线上 Online: https://meeting.tencent.com/dm/AbC123xyz?pwd=8848", entry.Description);
    }

    [Fact]
    public void APersonalFeedDescribesItself()
    {
        var person = TestEvents.People["li-weiping"];
        var head = new AgendaHead(null, person, "v1", TestEvents.Updated, null);

        var source = FeedSource.For(head, new FeedQuery(QueryWindow.All, null, null), new LocalDate(2025, 10, 10), _ => null);
        var ics = Render(source).Replace("\r\n ", "");

        Assert.Contains("X-WR-CALDESC:李卫平 参加的全部行程，来自所有日历 · Every itinerary item 李卫平 takes part in\\, from every calendar", ics);
        Assert.True(source.IsPrivate);
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void ARemovedItemsTombstoneSaysWhatHappenedWithoutAPosition(string consumer)
    {
        var visit = TestEvents.Shouyang();
        var removed = visit with
        {
            Itinerary = visit.Itinerary.Skip(1).ToArray(),
            RemovedItems = [RemovedItem.Of(visit.Itinerary[0], TestEvents.Updated, 2)],
            Revision = 2,
        };

        var tombstone = Item(Parse(consumer, removed), visit.Itinerary[0].Id);

        Assert.Equal("CANCELLED", tombstone.Status);
        Assert.Equal("航天产业专题考察（鹤壁、北京） · 此站已从行程中取消 This stop was removed from the itinerary", tombstone.Description);
    }
}
