using System.Globalization;
using System.Text;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Feeds.Consumers;

/// <summary>
/// Feeds the product renders, read by every consumer: each one's instants are the itinerary's, as NodaTime computes
/// them from the items' local times and zones, and libical's restriction check finds nothing.
/// </summary>
public class RenderedFeedTests
{
    /// <summary>The seed event with the organizer's and the two leaders' emails, so the feed has ORGANIZER and ATTENDEEs.</summary>
    private static VisitEvent SeedWithPeople() => TestEvents.FromJson(SeedEvents.ShouyangAerospaceVisitJson(n =>
    {
        n["organizer"]!["email"] = "office@shouyang-edz.example";
        n["participants"]![0]!["email"] = "liweiping@shouyang-edz.example";
        n["participants"]![1]!["email"] = "wangyong@jzgt.example";
    }));

    /// <summary>A Berlin trip over the October 2025 change (02:30 happens twice).</summary>
    private static VisitEvent BerlinTrip() => TestEvents.FromJson(TestEvents.SingleItemJson("""
        {"id":"before","title":"Siemens Energy","start":"2025-10-25T10:00","end":"2025-10-25T11:00"},
        {"id":"ambiguous","title":"Night train","start":"2025-10-26T02:30","end":"2025-10-26T04:00"},
        {"id":"after","title":"Fraunhofer","start":"2025-10-27T10:00","end":"2025-10-27T11:30"}
        """, kind: "studyTrip", title: "德国考察 Study trip Germany", timeZone: "Europe/Berlin"), id: "evt-germany-2025");

    /// <summary>Hannover in spring 2026: 02:30 on 29 March never happens; and an all-day item.</summary>
    private static VisitEvent HannoverTrip() => TestEvents.FromJson(TestEvents.SingleItemJson("""
        {"id":"gap","title":"Early flight","start":"2026-03-29T02:30","end":"2026-03-29T05:00"},
        {"id":"fair","title":"Hannover Messe","start":"2026-03-30","end":"2026-03-31"}
        """, kind: "studyTrip", title: "汉诺威工业博览会", timeZone: "Europe/Berlin"), id: "evt-hannover-2026");

    /// <summary>
    /// Sydney in 2026: 02:30 on 5 April happens twice (the first, still summer time, is meant) and 02:30 on 4 October
    /// never (it means 03:30 summer time). Over the two-day stay a dinner runs from 22:00 to 01:00.
    /// </summary>
    private static VisitEvent SydneyTrip() => TestEvents.FromJson(TestEvents.SingleItemJson("""
        {"id":"ambiguous","title":"Overnight flight lands","start":"2026-04-05T02:30","end":"2026-04-05T03:30"},
        {"id":"port","title":"Port Botany","start":"2026-04-06T10:00","end":"2026-04-06T12:00"},
        {"id":"gap","title":"Return flight","start":"2026-04-06T22:00","end":"2026-04-07T01:00"}
        """, kind: "studyTrip", title: "澳大利亚考察 Sydney", timeZone: "Australia/Sydney"), id: "evt-sydney-2026");

    private static VisitEvent SydneySpring() => TestEvents.FromJson(TestEvents.SingleItemJson("""
        {"id":"gap","title":"Early call","start":"2026-10-04T02:30","end":"2026-10-04T04:00"}
        """, timeZone: "Australia/Sydney"), id: "evt-sydney-spring-2026");

    /// <summary>Santiago, whose clocks go back at midnight: a driver (by personId) on one leg only; an all-day item covering the event.</summary>
    private static VisitEvent SantiagoTrip() => TestEvents.FromJson(TestEvents.SingleItemJson("""
        {"id":"fair","title":"Exponor","start":"2026-04-04","end":"2026-04-05"},
        {"id":"transfer","title":"Airport transfer","start":"2026-04-04T23:30","end":"2026-04-05T00:30","participants":[{"personId":"driver-zhang","role":"司机"}]},
        {"id":"visit","title":"Codelco","start":"2026-04-05T10:00","end":"2026-04-05T11:00"}
        """, kind: "studyTrip", title: "智利考察 Santiago", timeZone: "America/Santiago"), id: "evt-santiago-2026");

    private static string Render(params VisitEvent[] events) => Render(FeedRendererTests.Source(), events.Select(e => new AgendaEntry(e)));

    private static string Render(FeedSource source, IEnumerable<AgendaEntry> entries) => Encoding.UTF8.GetString(FeedRenderer.Render(source, entries));

    /// <summary>
    /// Every shape a feed has: southern-hemisphere DST edges, an all-day item, a cancelled event, an event whose stop was
    /// removed (a tombstone), an event withdrawn from the calendar, and a person's own feed of one leg.
    /// </summary>
    private static (string Calendar, VisitEvent[] CalendarEvents, string Personal, VisitEvent PersonalEvent) EveryShape()
    {
        var cancelled = SeedWithPeople() with { Id = "evt-cancelled", Status = EventStatus.Cancelled };
        var hannover = HannoverTrip();
        var trimmed = hannover with
        {
            Id = "evt-trimmed",
            Revision = 2,
            Itinerary = hannover.Itinerary.Skip(1).ToArray(),
            RemovedItems = [RemovedItem.Of(hannover.Itinerary[0], TestEvents.Updated, 2)],
        };
        var withdrawn = BerlinTrip() with { Id = "evt-withdrawn" };
        var events = new[] { SydneyTrip(), SydneySpring(), SantiagoTrip(), cancelled, trimmed };
        var entries = events.Select(e => new AgendaEntry(e)).Append(new AgendaEntry(withdrawn, TestEvents.Updated));
        var calendar = Render(FeedRendererTests.Source(), entries);
        var santiago = SantiagoTrip();
        var personal = Render(FeedRendererTests.Source(personId: "driver-zhang"), [new AgendaEntry(santiago)]);
        return (calendar, [.. events, withdrawn], personal, santiago with { Itinerary = [santiago.Itinerary[1]] });
    }

    private static string Utc(Instant instant) => instant.ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);

    private static string Date(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>Each item's UID and instants (dates for all-day items, end exclusive), and the banner over the event's days.</summary>
    private static List<(string Uid, bool AllDay, string Start, string End)> Expected(VisitEvent visit)
    {
        var expected = visit.Itinerary.Select(item => item.Timing.IsAllDay
            ? (FeedUid.ForItem(visit.Id, item.Id), true, Date(item.Timing.FirstDay), Date(item.Timing.LastDay.PlusDays(1)))
            : (FeedUid.ForItem(visit.Id, item.Id), false, Utc(item.Timing.StartInstant), Utc(item.Timing.EndInstant))).ToList();
        var firstDay = visit.Itinerary.Min(i => i.Timing.StartInstant.InZone(visit.TimeZone).Date);
        var lastDay = visit.Itinerary.Max(i => i.Timing.IsAllDay ? i.Timing.LastDay : i.Timing.EndInstant.InZone(visit.TimeZone).Date);
        // A banner only for an event of a day or more over several dates, and not when an all-day item covers them all.
        var lasts = visit.Itinerary.Max(i => i.Timing.EndInstant) - visit.Itinerary.Min(i => i.Timing.StartInstant) >= Duration.FromDays(1);
        var covered = visit.Itinerary.Any(i => i.Timing.IsAllDay && i.Timing.FirstDay <= firstDay && i.Timing.LastDay >= lastDay);
        if (lastDay > firstDay && lasts && !covered) expected.Add((FeedUid.ForBanner(visit.Id), true, Date(firstDay), Date(lastDay.PlusDays(1))));
        foreach (var removed in visit.RemovedItems)
            expected.Add((FeedUid.ForItem(visit.Id, removed.Item.Id), false, Utc(removed.Item.Timing.StartInstant), Utc(removed.Item.Timing.EndInstant)));
        return expected;
    }

    private static void AssertInstants(string consumer, string ics, params VisitEvent[] events)
    {
        var feed = FeedParsers.Parse(consumer, ics);
        // For khal, whose copy has no UIDs, the summary each UID has in ical.js's reading.
        var summaries = FeedParsers.ParseWithIcalJs(ics).Events.ToDictionary(e => e.Uid, e => e.Summary);
        var expected = events.SelectMany(Expected).ToList();

        Assert.Equal(expected.Count, feed.Events.Count);
        foreach (var (uid, allDay, start, end) in expected)
        {
            var parsed = ConsumerFixtures.Event(feed, consumer, uid, summaries[uid]);
            Assert.True((allDay, start, end) == (parsed.AllDay, parsed.Start, parsed.End),
                $"{consumer} reads {uid} as {(parsed.AllDay, parsed.Start, parsed.End)}, the itinerary says {(allDay, start, end)}");
        }
    }

    [FeedConsumerTheory, FeedConsumerData]
    public void EveryConsumerSeesTheSeedEventsItineraryInstants(string consumer)
    {
        var seed = TestEvents.Shouyang();

        AssertInstants(consumer, Render(seed), seed);
    }

    [FeedConsumerTheory, FeedConsumerData]
    public void EveryConsumerSeesTheItineraryInstantsOfAFeedWithPeopleAndDaylightSavingChanges(string consumer)
    {
        var seed = SeedWithPeople();
        var berlin = BerlinTrip();
        var hannover = HannoverTrip();
        var ics = Render(seed, berlin, hannover);
        Assert.Contains("ATTENDEE;", ics);
        Assert.Contains("TZID:Europe/Berlin", ics);

        AssertInstants(consumer, ics, seed, berlin, hannover);
    }

    /// <summary>China's summer time of 1990 (UTC+9), Berlin in 2010, and Berlin in 2031 under today's rules.</summary>
    [FeedConsumerTheory, FeedConsumerData]
    public void EveryConsumerSeesTheItineraryInstantsInPastAndFutureYears(string consumer)
    {
        var shanghai1990 = TestEvents.FromJson(TestEvents.SingleItemJson("""{"id":"dst","title":"1990 summer-time visit","start":"1990-07-01T09:00","end":"1990-07-01T10:00"}"""), id: "evt-1990-shanghai");
        var berlin2010 = TestEvents.FromJson(TestEvents.SingleItemJson("""{"id":"expo","title":"Expo","start":"2010-07-01T09:00","end":"2010-07-01T10:00"}""", timeZone: "Europe/Berlin"), id: "evt-2010-berlin");
        var berlin2031 = TestEvents.FromJson(TestEvents.SingleItemJson("""
            {"id":"summer","title":"2031 summer visit","start":"2031-08-20T09:00","end":"2031-08-20T10:00"},
            {"id":"winter","title":"2031 winter visit","start":"2031-10-30T09:00","end":"2031-10-30T10:00"}
            """, timeZone: "Europe/Berlin"), id: "evt-2031-berlin");

        AssertInstants(consumer, Render(shanghai1990, berlin2010, berlin2031), shanghai1990, berlin2010, berlin2031);
    }

    [FeedConsumerTheory, FeedConsumerData]
    public void EveryConsumerSeesTheInstantsOfEveryFeedShapeIncludingTheSouthernHemisphere(string consumer)
    {
        var (calendar, events, personal, personalEvent) = EveryShape();
        Assert.Contains("TZID:Australia/Sydney", calendar);
        Assert.Contains("STATUS:CANCELLED", calendar);

        AssertInstants(consumer, calendar, events);
        AssertInstants(consumer, personal, personalEvent);
    }

    /// <summary>RFC 5545 section 3.3.5, stated here without the product's code: the first of a repeated time, a missing one moved on by the gap.</summary>
    [Fact]
    public void TheSydneyEdgeTimesAreTheInstantsRfc5545Means()
    {
        var sydney = SydneyTrip();
        Assert.Equal(Instant.FromUtc(2026, 4, 4, 15, 30), sydney.Itinerary[0].Timing.StartInstant); // 02:30 +11:00
        Assert.Equal(Instant.FromUtc(2026, 4, 4, 17, 30), sydney.Itinerary[0].Timing.EndInstant); // 03:30 +10:00
        var spring = SydneySpring();
        Assert.Equal(Instant.FromUtc(2026, 10, 3, 16, 30), spring.Itinerary[0].Timing.StartInstant); // 03:30 +11:00
    }

    [FeedConsumerTheory, FeedConsumerData(FeedParsers.Libical)]
    public void LibicalsRestrictionCheckFindsNothingInTheRenderedFeeds(string consumer)
    {
        Assert.Equal(FeedParsers.Libical, consumer);
        var (calendar, _, personal, _) = EveryShape();
        Assert.Empty(FeedParsers.LibicalRestrictionErrors(Render(TestEvents.Shouyang())));
        Assert.Empty(FeedParsers.LibicalRestrictionErrors(Render(SeedWithPeople(), BerlinTrip(), HannoverTrip())));
        Assert.Empty(FeedParsers.LibicalRestrictionErrors(calendar));
        Assert.Empty(FeedParsers.LibicalRestrictionErrors(personal));
    }
}
