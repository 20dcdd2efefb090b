using System.Text.Json.Nodes;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Feeds;

/// <summary>What subscribers see beyond times: banners, reminders, people, links, changes and cancellations.</summary>
public class FeedPropertiesTests
{
    private static ParsedFeed Parse(string parser, FeedSource source, params AgendaEntry[] entries) =>
        FeedParsers.Parse(parser, System.Text.Encoding.UTF8.GetString(FeedRenderer.Render(source, entries)));

    private static ParsedFeed Parse(string parser, params VisitEvent[] events) =>
        Parse(parser, FeedRendererTests.Source(), events.Select(e => new AgendaEntry(e)).ToArray());

    /// <summary>The Shouyang visit with emails, coordinates, and people linked by id; the driver only on the travel leg.</summary>
    private static VisitEvent ShouyangWithPeople() => TestEvents.FromJson(SeedEvents.ShouyangAerospaceVisitJson(n =>
    {
        n["organizer"]!["email"] = "office@shouyang-edz.example";
        n["participants"]![0]!["email"] = "liweiping@shouyang-edz.example";
        n["participants"]![0]!["personId"] = "li-weiping";
        n["participants"]![1]!["email"] = "wangyong@jzgt.example";
        n["participants"]![1]!["personId"] = "wang-yong";
        n["itinerary"]![0]!["location"]!["lat"] = 35.7475;
        n["itinerary"]![0]!["location"]!["lon"] = 114.2972;
        n["itinerary"]!.AsArray().Insert(5, JsonNode.Parse("""
            {"id":"drive-to-beijing","title":"乘车前往北京 Drive to Beijing","start":"2025-10-15T18:00","end":"2025-10-15T23:00",
             "participants":[{"name":"张师傅","role":"司机 Driver","personId":"driver-zhang"}]}
            """));
    }));

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void AMultiDayEventAlsoAppearsAsOneAllDayBanner(string parser)
    {
        var feed = Parse(parser, TestEvents.Shouyang());

        var banner = Assert.Single(feed.Events, e => e.AllDay);
        Assert.Equal(("2025-10-15", "2025-10-17"), (banner.Start, banner.End));
        Assert.Equal("航天产业专题考察（鹤壁、北京）", banner.Summary);
        Assert.Empty(banner.Alarms);
    }

    [Fact]
    public void BannersCanBeTurnedOffAndOneDayEventsHaveNone()
    {
        var noBanners = FeedRendererTests.Source(TestEvents.Calendar() with { ShowBanners = false });
        var oneDay = TestEvents.FromJson(TestEvents.SingleItemJson("""{"title":"周例会","start":"2025-10-13T08:30","end":"2025-10-13T09:30"}"""));

        Assert.DoesNotContain(Parse(FeedParsers.IcalJs, noBanners, new AgendaEntry(TestEvents.Shouyang())).Events, e => e.AllDay);
        Assert.DoesNotContain(Parse(FeedParsers.IcalJs, oneDay).Events, e => e.AllDay);
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void TimedItemsRemindThirtyMinutesBeforeUnlessTheCalendarSaysOtherwise(string parser)
    {
        var defaults = Parse(parser, TestEvents.Shouyang());
        var tenMinutes = Parse(parser, FeedRendererTests.Source(TestEvents.Calendar() with { AlarmMinutesBefore = 10 }), new AgendaEntry(TestEvents.Shouyang()));
        var none = Parse(parser, FeedRendererTests.Source(TestEvents.Calendar() with { AlarmMinutesBefore = null }), new AgendaEntry(TestEvents.Shouyang()));

        Assert.All(defaults.Events.Where(e => !e.AllDay), e => Assert.Equal(["-PT30M"], e.Alarms));
        Assert.All(tenMinutes.Events.Where(e => !e.AllDay), e => Assert.Equal(["-PT10M"], e.Alarms));
        Assert.All(none.Events, e => Assert.Empty(e.Alarms));
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void TheFeedAsksClientsToRefreshHourly(string parser)
    {
        var feed = Parse(parser, TestEvents.Shouyang());
        var everyFifteen = Parse(parser, FeedRendererTests.Source(TestEvents.Calendar() with { RefreshMinutes = 15 }), new AgendaEntry(TestEvents.Shouyang()));

        Assert.Equal(("PT1H", "PT1H"), (feed.RefreshInterval, feed.PublishedTtl));
        Assert.Equal(("PT15M", "PT15M"), (everyFifteen.RefreshInterval, everyFifteen.PublishedTtl));
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void OrganizerAttendeesGeoAndTheEventPageAreThere(string parser)
    {
        var visit = ShouyangWithPeople();

        var showroom = Assert.Single(Parse(parser, visit).Events, e => e.Uid.Contains("-hebi-showroom@"));

        Assert.Equal("mailto:office@shouyang-edz.example", showroom.Organizer);
        Assert.Contains(showroom.Attendees, a => a is { Address: "mailto:liweiping@shouyang-edz.example", Name: "李卫平", Role: "CHAIR" });
        Assert.Contains(showroom.Attendees, a => a is { Address: "mailto:wangyong@jzgt.example", Name: "王勇", Role: "CHAIR" });
        Assert.Equal([35.7475, 114.2972], showroom.Geo);
        Assert.Equal($"https://visitplanner.example/api/events/{visit.Id}/page", showroom.Url);
        Assert.Equal(["delegationVisit"], showroom.Categories);
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void APersonalFeedHoldsExactlyThatPersonsItems(string parser)
    {
        var visit = ShouyangWithPeople();
        FeedSource For(string person) => FeedRendererTests.Source() with { PersonId = person, ShowBanners = false };

        var leader = Parse(parser, For("li-weiping"), new AgendaEntry(visit));
        var driver = Parse(parser, For("driver-zhang"), new AgendaEntry(visit));

        Assert.Equal(7, leader.Events.Count);
        Assert.Equal(["乘车前往北京 Drive to Beijing · 航天产业专题考察（鹤壁、北京）"], driver.Events.Select(e => e.Summary));
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void ARemovedItemStaysCancelledWithAHigherSequenceForThirtyDays(string parser)
    {
        var before = TestEvents.Shouyang();
        var removedAt = TestEvents.Updated + Duration.FromDays(1);
        var after = before with
        {
            Itinerary = before.Itinerary.Where(i => i.Id != "tianzhang").ToArray(),
            Revision = 2,
            UpdatedAt = removedAt,
        };
        after = after with { RemovedItems = VisitPlanner.Core.Domain.ItineraryChanges.RemovedItems(before, after.Itinerary, 2, removedAt) };

        var soon = Parse(parser, FeedRendererTests.Source(), new AgendaEntry(after));
        var later = Parse(parser, FeedRendererTests.Source(today: new LocalDate(2025, 11, 9)), new AgendaEntry(after));
        var beforeFeed = Parse(parser, before);

        var tombstone = Assert.Single(soon.Events, e => e.Uid.Contains("-tianzhang@"));
        Assert.Equal("CANCELLED", tombstone.Status);
        Assert.True(tombstone.Sequence > Assert.Single(beforeFeed.Events, e => e.Uid.Contains("-tianzhang@")).Sequence);
        Assert.All(soon.Events.Where(e => !e.Uid.Contains("-tianzhang@")), e => Assert.Equal(("CONFIRMED", 1), (e.Status, e.Sequence)));
        Assert.DoesNotContain(later.Events, e => e.Uid.Contains("-tianzhang@"));
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void ACancelledEventDisappearsThirtyDaysAfterItsCancellation(string parser)
    {
        var cancelled = TestEvents.Shouyang() with { Status = EventStatus.Cancelled, Revision = 2 };
        var cancelledOn = TestEvents.Updated.InZone(TestEvents.Calendar().TimeZone).Date;

        Assert.NotEmpty(Parse(parser, FeedRendererTests.Source(today: cancelledOn.PlusDays(30)), new AgendaEntry(cancelled)).Events);
        Assert.Empty(Parse(parser, FeedRendererTests.Source(today: cancelledOn.PlusDays(31)), new AgendaEntry(cancelled)).Events);
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void AWithdrawnEntryIsAnnouncedCancelledAndALiveCopyWins(string parser)
    {
        var visit = TestEvents.Shouyang() with { Revision = 2 };
        var withdrawnAt = TestEvents.Updated;

        var withdrawn = Parse(parser, FeedRendererTests.Source(), new AgendaEntry(visit, withdrawnAt));
        var both = Parse(parser, FeedRendererTests.Source(), new AgendaEntry(visit, withdrawnAt), new AgendaEntry(visit with { Revision = 3 }));

        Assert.All(withdrawn.Events, e => Assert.Equal(("CANCELLED", 1), (e.Status, e.Sequence)));
        Assert.Equal(7, both.Events.Count);
        Assert.All(both.Events, e => Assert.Equal(("CONFIRMED", 2), (e.Status, e.Sequence)));
    }

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void TentativeEventsAreTentative(string parser) =>
        Assert.All(Parse(parser, TestEvents.Shouyang() with { Status = EventStatus.Tentative }).Events, e => Assert.Equal("TENTATIVE", e.Status));

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void ALectureNamesItsSeriesAndSpeaker(string parser)
    {
        var lecture = TestEvents.FromJson(TestEvents.SingleItemJson(
            """{"title":"招商引资专题培训","start":"2025-09-12T15:00","end":"2025-09-12T17:00","location":{"name":"河津经开区管委会三楼会议室","city":"河津"}}""",
            kind: "trainingLecture", title: "招商引资专题培训")
            .Replace("\"kind\"", "\"speaker\":\"王宇翔\",\"series\":\"经开讲堂\",\"sessionNumber\":21,\"kind\""));

        var entry = Assert.Single(Parse(parser, lecture).Events);

        Assert.Equal("经开讲堂 第21期 · 招商引资专题培训 · 主讲 王宇翔", entry.Summary);
        Assert.Contains("讲堂 Series: 经开讲堂 第21期 (session 21)", entry.Description);
        Assert.Contains("主讲 Speaker: 王宇翔", entry.Description);
        Assert.Equal(["trainingLecture"], entry.Categories);
    }
}
