using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Tests.Domain.Recurrence;
using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Feeds.Consumers;

/// <summary>
/// Series as the product renders them, expanded by ical.js, libical and python3-recurring-ical-events: each sees exactly
/// the occurrences that take place, at the instants VisitPlanner computes from the rule and China's working calendar
/// (holidays skipped or moved, make-up days added, cancelled occurrences gone, overrides where they moved to), across a
/// daylight-saving change in Berlin too; and libical's restriction check finds nothing.
/// </summary>
public class SeriesConsumerTests
{
    private static string Calendar => SeedEvents.CalendarId;

    public static TheoryData<string, string> Series()
    {
        var data = new TheoryData<string, string>();
        foreach (var consumer in OccurrenceParsers.All)
        {
            foreach (var name in Cases.Keys) data.Add(consumer, name);
        }
        return data;
    }

    private static readonly IReadOnlyDictionary<string, string> Cases = new Dictionary<string, string>
    {
        ["weekly, 国庆节 skipped"] = SeriesExpansionTests.WeeklyMeetingJson(),
        ["weekly, 国庆节 moved to Thursday"] = SeriesExpansionTests.WeeklyMeetingJson("nextWorkday"),
        ["workdays with make-up days"] = SeriesExpansionTests.WorkdayBriefingJson(),
        ["weekly, one cancelled and one moved by hand"] = SeriesExpansionTests.WeeklyMeetingJson(extra: """
            ,"exceptions":[{"date":"2026-09-14","status":"cancelled"},
              {"date":"2026-09-21","title":"周例会（扩大会议）","itinerary":[{"id":"meeting","start":"2026-09-22T14:00","end":"2026-09-22T16:00"}]}]
            """),
        ["Berlin weekly across summer time"] = $$$"""
            {"kind":"meeting","title":"Jour fixe Hannover","timeZone":"Europe/Berlin","calendars":["{{{Calendar}}}"],"organizer":{"name":"驻德联络处"},
             "itinerary":[{"id":"call","title":"Jour fixe","start":"2026-03-09T09:00","end":"2026-03-09T09:30"}],
             "recurrence":{"frequency":"weekly","byDay":["MO","TH"],"until":"2026-04-16","holidays":"keep"}}
            """,
        ["中心组学习, first Tuesday, all day"] = $$$"""
            {"kind":"meeting","title":"中心组学习","calendars":["{{{Calendar}}}"],"organizer":{"name":"党工委"},
             "itinerary":[{"id":"study","title":"中心组学习","start":"2026-09-01","end":"2026-09-01"}],
             "recurrence":{"frequency":"monthly","byDay":["1TU"],"count":6}}
            """,
        ["two-day monthly training, second day by RDATE"] = $$$"""
            {"kind":"trainingLecture","title":"专业培训","calendars":["{{{Calendar}}}"],"organizer":{"name":"组织部"},
             "itinerary":[{"id":"day1","title":"招商引资","start":"2026-09-15T09:00","end":"2026-09-15T17:00"},
                          {"id":"day2","title":"安全环保","start":"2026-09-16T09:00","end":"2026-09-16T12:00"}],
             "recurrence":{"frequency":"monthly","byMonthDay":[15],"count":5}}
            """,
    };

    [OccurrenceConsumerTheory]
    [MemberData(nameof(Series))]
    public void EveryConsumerSeesTheOccurrencesThatTakePlace(string consumer, string name)
    {
        var visit = TestEvents.FromJson(Cases[name], id: "evt-series");
        var ics = Encoding.UTF8.GetString(FeedRenderer.Render(FeedRendererTests.Source(today: new LocalDate(2026, 9, 1)), [new AgendaEntry(visit)]));

        var seen = OccurrenceParsers.Expand(consumer, ics).Select(o => (o.Uid, o.Start, o.End)).Order().ToArray();

        var expected = visit.Occurrences.Where(o => o.TakesPlace)
            .SelectMany(o => o.Itinerary.Select(item => (FeedUid.ForItem(visit.Id, item.Id), Start(item.Timing), End(item.Timing))))
            .Order().ToArray();
        Assert.True(expected.SequenceEqual(seen), $"{consumer}, {name}:\nexpected {string.Join(", ", expected)}\nseen     {string.Join(", ", seen)}");
    }

    [Fact]
    public void LibicalFindsNothingWrongWithASeries()
    {
        foreach (var (name, json) in Cases)
        {
            var ics = Encoding.UTF8.GetString(FeedRenderer.Render(FeedRendererTests.Source(today: new LocalDate(2026, 9, 1)), [new AgendaEntry(TestEvents.FromJson(json, id: "evt-series"))]));
            Assert.True(FeedParsers.LibicalRestrictionErrors(ics).Count == 0, $"{name}: {string.Join("; ", FeedParsers.LibicalRestrictionErrors(ics))}");
        }
    }

    private static string Start(ItemTiming timing) => timing.IsAllDay ? LocalDatePattern.Iso.Format(timing.FirstDay) : Utc(timing.StartInstant);

    private static string End(ItemTiming timing) => timing.IsAllDay ? LocalDatePattern.Iso.Format(timing.LastDay.PlusDays(1)) : Utc(timing.EndInstant);

    private static string Utc(Instant instant) => instant.ToDateTimeUtc().ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", CultureInfo.InvariantCulture);
}
