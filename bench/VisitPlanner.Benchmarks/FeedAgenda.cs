using VisitPlanner.Storage.Documents;
using VisitPlanner.Core.Json;
using System.Text.Json;
using NodaTime;
using VisitPlanner.Bench;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Services;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Benchmarks;

/// <summary>
/// An agenda as a feed poll would find it: <c>events</c> events of <c>itemsPerEvent</c> single-day stops spread
/// over the default 400-day window, read through the real JSON reader and stored the way the index stores them.
/// </summary>
public sealed class FeedAgenda
{
    public const string CalendarId = "shouyang-edz-trips";
    public static readonly LocalDate Today = new(2026, 1, 1);

    public FeedAgenda(int events, int itemsPerEvent)
    {
        var calendar = new VisitCalendar(CalendarId, "寿阳经开区 外出考察", "Trips and visits of Shouyang EDZ", TimeZones.Find("Asia/Shanghai")!,
            Instant.FromUtc(2025, 9, 30, 2, 0)) { Visibility = Visibility.Public };
        var known = new Dictionary<string, VisitCalendar> { [CalendarId] = calendar };
        var entries = new List<AgendaEntry>(events);
        var documents = new List<byte[]>(events);
        for (var i = 0; i < events; i++)
        {
            var day = Today.PlusDays(4 + (int)((long)i * 395 / events));
            var body = SyntheticEvents.Body(i, day, itemsPerEvent, CalendarId).ToJsonString();
            using var json = JsonDocument.Parse(body, JsonOutput.ParseOptions);
            var (draft, errors) = EventJsonReader.ReadDraft(json.RootElement, known, new Dictionary<string, Person>(), () => throw new InvalidOperationException("items have ids"));
            if (draft is null) throw new InvalidOperationException(string.Join("; ", errors));
            var created = Instant.FromUtc(2025, 11, 1, 2, 0) + Duration.FromMinutes(i);
            var visit = new VisitEvent
            {
                Id = $"evt{i:D5}abcdefgh",
                Kind = draft.Kind,
                Title = draft.Title,
                Description = draft.Description,
                TimeZone = draft.TimeZone,
                Calendars = draft.Calendars,
                Organizer = draft.Organizer,
                Participants = draft.Participants,
                Itinerary = draft.Itinerary,
                Lecture = draft.Lecture,
                Status = draft.Status ?? EventStatus.Confirmed,
                Revision = 1 + i % 3,
                CreatedAt = created,
                UpdatedAt = created + Duration.FromDays(i % 3),
            };
            entries.Add(new AgendaEntry(visit));
            documents.Add(EventDocument.Write(visit));
        }
        Entries = entries;
        Documents = documents;
        Source = FeedSource.For(new AgendaHead(calendar, null, "W/\"datetime'2026-01-01T00%3A00%3A00.0000000Z'\"", Instant.FromUtc(2026, 1, 1, 0, 0), null),
            QueryParameters.Feed(null, null, null, null, calendar.TimeZone, Today).Value!, Today,
            eventId => new SiteLinks("https://visitplanner.example.org", "api").EventPage(eventId, null));
    }

    public IReadOnlyList<AgendaEntry> Entries { get; }

    /// <summary>Each event's stored JSON document, as the index rows carry it (Doc0..DocN).</summary>
    public IReadOnlyList<byte[]> Documents { get; }

    public FeedSource Source { get; }
}
