using System.Text;
using System.Text.Json;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Feeds.IcalNet;
using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Feeds;

/// <summary>
/// The feed writer writes iCalendar itself, for speed; Ical.Net remains the model it must agree with. Every fixture and
/// a seeded corpus of generated events are rendered both ways and read back by parsers that share no code with either:
/// every property of every VEVENT, as they read it, must be equal.
/// </summary>
public class FeedWriterEquivalenceTests
{
    private static readonly DateTimeZone[] Zones =
        new[] { "Asia/Shanghai", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kathmandu", "America/Santiago" }.Select(z => DateTimeZoneProviders.Tzdb[z]).ToArray();

    /// <summary>Text that tests escaping, folding and parameter quoting.</summary>
    private static readonly string[] Texts =
    [
        "航天产业专题考察（鹤壁、北京）", "座谈会, 签约; 观摩\\后", "Line one\nline two\r\nline three", "🚀 火箭总装 🛰️", "\"Quoted\" name",
        "caret ^ and colon: here", new string('长', 120), "Fraunhofer-Institut für Produktionstechnik und Automatisierung IPA, Stuttgart",
    ];

    /// <summary>
    /// Text allowed where the API takes one line only: titles, names, places. (Ical.Net drops the quotes of a quoted
    /// name in CN, which the writer keeps through RFC 6868; <see cref="Serialization.ContentLineWriterTests"/> checks that on its own.)
    /// </summary>
    private static readonly string[] Lines = Texts.Where(t => !t.Contains('\n') && !t.Contains('"')).ToArray();

    /// <summary>Events the fixtures and tests use, plus <paramref name="count"/> generated from a fixed seed.</summary>
    private static IEnumerable<AgendaEntry> Corpus(int count)
    {
        yield return new AgendaEntry(TestEvents.Shouyang());
        var random = new Random(20251016);
        for (var n = 0; n < count; n++)
        {
            var zone = Zones[random.Next(Zones.Length)];
            var day = new LocalDate(2025, 1, 1).PlusDays(random.Next(700));
            var items = Enumerable.Range(0, 1 + random.Next(4)).Select(i =>
            {
                ItemTiming timing;
                if (random.Next(6) == 0) timing = ItemTiming.AllDay(day.PlusDays(i), day.PlusDays(i + random.Next(2)), zone);
                else
                {
                    // Now and then a time in the hours a change skips or repeats.
                    var start = day.PlusDays(i).At(new LocalTime(random.Next(24), random.Next(4) * 15));
                    timing = ItemTiming.Timed(start, start.PlusMinutes(30 + random.Next(240)), zone);
                }
                var place = random.Next(3) == 0 ? null : new Place(Lines[random.Next(Lines.Length)], City: "鹤壁", Latitude: random.Next(2) == 0 ? 35.748 : null, Longitude: random.Next(2) == 0 ? null : 114.297);
                var fixedPlace = place is { Latitude: null } || place is { Longitude: null } ? place! with { Latitude = null, Longitude = null } : place;
                return new ItineraryItem($"item{i}", Lines[random.Next(Lines.Length)], timing, random.Next(3) == 0 ? null : fixedPlace, random.Next(2) == 0 ? Texts[random.Next(Texts.Length)] : null, false)
                {
                    Participants = random.Next(3) == 0 ? [new Participant(Lines[random.Next(Lines.Length)], Email: $"driver{n}@shouyang.example", Role: "司机")] : [],
                };
            }).ToArray();
            var visit = TestEvents.Shouyang() with
            {
                Id = $"generated-{n:000}",
                Title = Lines[random.Next(Lines.Length)],
                TimeZone = zone,
                Itinerary = items,
                Organizer = new Organizer(Lines[random.Next(Lines.Length)], Email: random.Next(2) == 0 ? "office@shouyang.example" : null),
                Participants = [new Participant(Lines[random.Next(Lines.Length)], Email: "li.weiping@shouyang.example", Role: "带队", PersonId: "li-weiping"), new Participant("王勇", Role: "陪同")],
                Status = random.Next(5) switch { 0 => EventStatus.Cancelled, 1 => EventStatus.Tentative, _ => EventStatus.Confirmed },
                Revision = 1 + random.Next(9),
                RemovedItems = random.Next(4) == 0 ? [RemovedItem.Of(items[0] with { Id = "gone" }, TestEvents.Updated, 2)] : [],
            };
            yield return new AgendaEntry(visit, random.Next(8) == 0 ? TestEvents.Updated : null);
        }
    }

    private static FeedSource Source(string? personId = null) => FeedRendererTests.Source(personId: personId, today: new LocalDate(2025, 10, 10));

    [FeedConsumerTheory, FeedConsumerData(ParsedField.Uid)]
    public void TheDirectWriterAndIcalNetSayTheSameToAnIndependentParser(string parser)
    {
        var entries = Corpus(60).ToArray();
        foreach (var (name, source) in new[] { ("calendar", Source()), ("personal", Source(personId: "li-weiping")) })
        {
            var direct = FeedParsers.Parse(parser, Encoding.UTF8.GetString(FeedRenderer.Render(source, entries)));
            var reference = FeedParsers.Parse(parser, IcalNetFeedWriter.Render(source, entries));

            Assert.True(direct.Events.Count > 60, $"{name}: only {direct.Events.Count} VEVENTs");
            Assert.Equal(reference.Events.Count, direct.Events.Count);
            Assert.Equal(JsonSerializer.Serialize(reference with { Events = [] }), JsonSerializer.Serialize(direct with { Events = [] }));
            for (var i = 0; i < direct.Events.Count; i++)
                Assert.Equal(JsonSerializer.Serialize(reference.Events[i]), JsonSerializer.Serialize(direct.Events[i]));
        }
    }
}
