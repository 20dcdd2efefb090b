using System.Globalization;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds.Model;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// What an agenda's feed shows, as <see cref="FeedComponent"/>s: every itinerary item is its own VEVENT in its own zone,
/// a multi-day event also gets an all-day banner, and cancelled events, removed items and withdrawn entries stay as
/// STATUS:CANCELLED for <see cref="Retention.Tombstones"/> so clients drop them. Depends only on the
/// <see cref="FeedSource"/> and the entries.
/// </summary>
public static partial class FeedComposer
{
    public static FeedCalendar Calendar(FeedSource source) => new(source.Name, source.Description, source.TimeZone.Id, source.RefreshMinutes);

    /// <summary>One entry per event, in feed order: a live entry wins over a withdrawn one, a later revision over an earlier.</summary>
    public static IReadOnlyList<AgendaEntry> Order(IEnumerable<AgendaEntry> entries) =>
        entries.GroupBy(e => e.Event.Id, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.WithdrawnAt is null ? 0 : 1).ThenByDescending(e => e.Event.Revision).First())
            .OrderBy(e => e.Event.StartsAt).ThenBy(e => e.Event.Id, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The VEVENTs one agenda entry contributes, lazily (a caller measuring an event may stop early).</summary>
    public static IEnumerable<FeedComponent> Components(FeedSource source, AgendaEntry entry)
    {
        var visit = entry.Event;
        var cutoff = source.TombstoneCutoff;
        var withdrawn = entry.WithdrawnAt is not null;
        if (withdrawn && entry.WithdrawnAt < cutoff) yield break;
        if (visit.Status == EventStatus.Cancelled && visit.UpdatedAt < cutoff) yield break;

        var cancelled = withdrawn || visit.Status == EventStatus.Cancelled;
        var items = visit.Itinerary.Where(i => source.PersonId is null || withdrawn || visit.Attends(source.PersonId, i)).ToArray();
        var shared = new EventParts(source, visit, cancelled);
        if (visit.Recurrence is not null)
        {
            foreach (var component in SeriesEvents(shared, items)) yield return component;
        }
        else
        {
            if (items.Length > 0 && source.ShowBanners && Banner(shared, items) is { } banner) yield return banner;
            foreach (var item in items) yield return ItemEvent(shared, item);
        }
        foreach (var removed in visit.RemovedItems)
        {
            if (removed.RemovedAt < cutoff || (source.PersonId is not null && !visit.Attends(source.PersonId, removed.Item))) continue;
            yield return Tombstone(source, visit, removed, shared.PageUrl);
        }
    }

    /// <summary>What every VEVENT of one event shares, worked out once for all of its items.</summary>
    private sealed class EventParts
    {
        public EventParts(FeedSource source, VisitEvent visit, bool cancelled)
        {
            Source = source;
            Visit = visit;
            Cancelled = cancelled;
            PageUrl = source.EventUrl(visit.Id);
            Title = EventTitle(visit);
            People = ItemPeople.Of(visit);
            Attendees = AttendeesOf(People);
            Template = NewComponent(source, visit, "", "", cancelled, visit.Revision) with
            {
                Url = PageUrl,
                Organizer = visit.Organizer.Email is { } organizerEmail ? new FeedAttendee($"mailto:{organizerEmail}", visit.Organizer.Name) : null,
            };
        }

        public FeedSource Source { get; }
        public VisitEvent Visit { get; }
        public bool Cancelled { get; }
        public string? PageUrl { get; }
        public string Title { get; }

        /// <summary>The people of the items that have none of their own, and the ATTENDEEs they make.</summary>
        public ItemPeople People { get; }
        public IReadOnlyList<FeedAttendee> Attendees { get; }

        /// <summary>The properties every item's VEVENT has alike (status, sequence, stamps, URL, organizer, colour).</summary>
        public FeedComponent Template { get; }
    }

    /// <summary>The VTIMEZONEs that <paramref name="components"/> need, by TZID: each covers every instant its components span.</summary>
    public static IReadOnlyList<FeedZone> Zones(IEnumerable<ZoneUse> uses) =>
        uses.GroupBy(u => u.Zone)
            .OrderBy(g => g.Key.Id, StringComparer.Ordinal)
            .Select(g => VTimeZoneFactory.Create(g.Key, g.Min(u => u.Earliest), g.Max(u => u.Latest)))
            .ToArray();

    private static FeedComponent ItemEvent(EventParts shared, ItineraryItem item)
    {
        var (source, visit) = (shared.Source, shared.Visit);
        var summary = Summary(visit, item, shared.Title);
        var (start, end) = Times(item.Timing);
        var timed = !item.Timing.IsAllDay;
        var place = item.Location?.ToSingleLine();
        var people = item.Participants.Count == 0 ? shared.People : ItemPeople.Of(visit, item);
        return shared.Template with
        {
            Uid = FeedUid.ForItem(visit.Id, item.Id),
            Summary = summary,
            Description = new ItemDescription(visit, item, people, place, shared.PageUrl),
            Start = start,
            End = end,
            Transparent = !timed,
            Location = place,
            Geo = item.Location is { Latitude: { } lat, Longitude: { } lon } ? (lat, lon) : null,
            Attendees = ReferenceEquals(people, shared.People) ? shared.Attendees : AttendeesOf(people),
            Alarm = !shared.Cancelled && timed && source.AlarmMinutesBefore is { } minutes ? new FeedAlarm(summary, minutes) : null,
            Zone = timed ? new ZoneUse(item.Timing.Zone, item.Timing.StartInstant, item.Timing.EndInstant) : null,
            Conference = item.OnlineUrl is { } online ? new FeedConference(online, "线上参加 Join online") : null,
        };
    }

    /// <summary>
    /// A removed item, announced cancelled: what a client needs to match and drop its copy (UID, times, a higher
    /// SEQUENCE) and a short word of what happened, not the event's people and notes again, so that an event edited many
    /// times does not fill its feed with copies of itself.
    /// </summary>
    private static FeedComponent Tombstone(FeedSource source, VisitEvent visit, RemovedItem removed, string? pageUrl)
    {
        var item = removed.Item;
        var (start, end) = Times(item.Timing);
        return NewComponent(source, visit, FeedUid.ForItem(visit.Id, item.Id), Summary(visit, item, EventTitle(visit)), cancelled: true, removed.Revision) with
        {
            Description = $"{visit.Title} · 此站已从行程中取消 This stop was removed from the itinerary",
            Start = start,
            End = end,
            Transparent = item.Timing.IsAllDay,
            Location = item.Location?.ToSingleLine(),
            Url = pageUrl,
            Zone = item.Timing.IsAllDay ? null : new ZoneUse(item.Timing.Zone, item.Timing.StartInstant, item.Timing.EndInstant),
        };
    }

    /// <summary>
    /// An event over several days as one all-day entry over its dates (DTEND exclusive), beside its items: only when it
    /// lasts a day or more (a 22:00–01:00 meeting touches two dates, and is not a trip), and not when an all-day item
    /// already covers those dates (clients would show two bars).
    /// </summary>
    private static FeedComponent? Banner(EventParts shared, IReadOnlyList<ItineraryItem> items)
    {
        var visit = shared.Visit;
        var start = items.Min(i => i.Timing.StartInstant);
        var end = items.Max(i => i.Timing.EndInstant);
        if (end - start < Duration.FromDays(1)) return null;
        var first = start.InZone(visit.TimeZone).Date;
        var last = items.Max(i => i.Timing.IsAllDay ? i.Timing.EndInstant - Duration.Epsilon : i.Timing.EndInstant).InZone(visit.TimeZone).Date;
        if (last <= first) return null;
        if (items.Any(i => i.Timing.IsAllDay && i.Timing.FirstDay <= first && i.Timing.LastDay >= last)) return null;
        var pageUrl = shared.PageUrl;
        var lines = items.Select(BannerLine).Prepend($"{visit.Title} · {visit.Kind.Label()}");
        if (pageUrl is not null) lines = lines.Append($"详情 Details: {pageUrl}");
        return shared.Template with
        {
            Uid = FeedUid.ForBanner(visit.Id),
            Summary = shared.Title,
            Organizer = null,
            Start = new FeedTime.Date(first),
            End = new FeedTime.Date(last.PlusDays(1)),
            Transparent = true,
            Description = string.Join("\n", lines),
            Location = BannerLocation(items),
        };
    }

    /// <summary>"10-15 08:30 参观…" for a timed item, at the instant the feed gives it; "10-15–10-16 参观…" for an all-day one, which has no time.</summary>
    private static string BannerLine(ItineraryItem item)
    {
        if (!item.Timing.IsAllDay) return $"{item.Timing.ZonedStart.LocalDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)} {item.Title}";
        var firstDay = item.Timing.FirstDay.ToString("MM-dd", CultureInfo.InvariantCulture);
        return item.Timing.LastDay == item.Timing.FirstDay ? $"{firstDay} {item.Title}" : $"{firstDay}–{item.Timing.LastDay.ToString("MM-dd", CultureInfo.InvariantCulture)} {item.Title}";
    }

    /// <summary>The places of the trip, in itinerary order, each once: at most three, then "…".</summary>
    private static string? BannerLocation(IReadOnlyList<ItineraryItem> items)
    {
        var places = items.Select(i => i.Location?.City ?? i.Location?.Name).OfType<string>().Distinct().ToArray();
        return places.Length == 0 ? null : string.Join(" · ", places.Take(3)) + (places.Length > 3 ? " …" : "");
    }

    private static FeedComponent NewComponent(FeedSource source, VisitEvent visit, string uid, string summary, bool cancelled, int revision) => new()
    {
        Uid = uid,
        Summary = summary,
        Start = new FeedTime.Utc(visit.StartsAt),
        End = new FeedTime.Utc(visit.EndsAt),
        Stamp = visit.UpdatedAt,
        Created = visit.CreatedAt,
        LastModified = visit.UpdatedAt,
        // Revisions start at 1, SEQUENCE at 0. A removed item carries the revision that removed it and a
        // withdrawn entry the revision that withdrew it, so either is higher than what subscribers last saw.
        Sequence = revision - 1,
        Status = cancelled ? FeedStatus.Cancelled : visit.Status == EventStatus.Tentative ? FeedStatus.Tentative : FeedStatus.Confirmed,
        Categories = [visit.Kind.ToWireName()],
        Transparent = false,
        Private = source.IsPrivate,
        Color = source.ColorOf(visit.Kind),
    };

    /// <summary>ATTENDEE for those the item names (<see cref="ItemPeople"/>) whose email is known; ROLE=CHAIR for whoever leads (主持, 带队).</summary>
    private static IReadOnlyList<FeedAttendee> AttendeesOf(ItemPeople people) =>
        people.Named.Where(p => p.Email is not null).DistinctBy(p => p.Email)
            .Select(p => new FeedAttendee($"mailto:{p.Email}", p.Name, ParticipantRoles.IsLeader(p) ? "CHAIR" : "REQ-PARTICIPANT"))
            .ToArray();

    /// <summary>An item's title alone says little in a month view ("座谈会"), so multi-stop events add the event's title.</summary>
    private static string Summary(VisitEvent visit, ItineraryItem item, string eventTitle) =>
        visit.Itinerary.Count == 1 && item.Title == visit.Title ? eventTitle : $"{item.Title} · {eventTitle}";

    /// <summary>The event's title, and for a lecture its series, number and speaker: "经开讲堂 第21期 · 安全环保 · 主讲 王磊".</summary>
    private static string EventTitle(VisitEvent visit) => visit.Lecture is { } lecture
        ? string.Join(" · ", new[] { lecture.ShortLabel, visit.Title, lecture.Speaker is { } speaker ? $"主讲 {speaker}" : null }.OfType<string>())
        : visit.Title;

    /// <summary>
    /// Timed items are written in their zone (TZID), except where the start or the end is a local time that happens
    /// twice or not at all at a daylight-saving change: RFC 5545 says such a time means the first occurrence (or moves
    /// forward by the gap), but ical.js and python-icalendar take the second, and an item may mean the second. Both are
    /// then written as UTC instants, which every client reads the same: one form per item, so no client computes an end
    /// from a start read another way.
    /// </summary>
    private static (FeedTime Start, FeedTime End) Times(ItemTiming timing)
    {
        if (timing.IsAllDay) return (new FeedTime.Date(timing.Start.Date), new FeedTime.Date(timing.End.Date));
        if (timing.Zone.MapLocal(timing.Start).Count == 1 && timing.Zone.MapLocal(timing.End).Count == 1)
            return (new FeedTime.Zoned(timing.Start, timing.Zone), new FeedTime.Zoned(timing.End, timing.Zone));
        return (new FeedTime.Utc(timing.StartInstant), new FeedTime.Utc(timing.EndInstant));
    }
}
