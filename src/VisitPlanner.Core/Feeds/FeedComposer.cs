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
public static class FeedComposer
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
        if (items.Length > 0 && source.ShowBanners && Banner(visit, items, cancelled) is { } banner) yield return banner;
        foreach (var item in items) yield return ItemEvent(source, visit, item, cancelled, visit.Revision);
        foreach (var removed in visit.RemovedItems)
        {
            if (removed.RemovedAt < cutoff || (source.PersonId is not null && !visit.Attends(source.PersonId, removed.Item))) continue;
            yield return Tombstone(source, visit, removed);
        }
    }

    /// <summary>The VTIMEZONEs that <paramref name="components"/> need, by TZID: each covers every instant its components span.</summary>
    public static IReadOnlyList<FeedZone> Zones(IEnumerable<ZoneUse> uses) =>
        uses.GroupBy(u => u.Zone)
            .OrderBy(g => g.Key.Id, StringComparer.Ordinal)
            .Select(g => VTimeZoneFactory.Create(g.Key, g.Min(u => u.Earliest), g.Max(u => u.Latest)))
            .ToArray();

    private static FeedComponent ItemEvent(FeedSource source, VisitEvent visit, ItineraryItem item, bool cancelled, int revision)
    {
        var summary = Summary(visit, item);
        var (start, end) = Times(item.Timing);
        var timed = !item.Timing.IsAllDay;
        return NewComponent(visit, FeedUid.ForItem(visit.Id, item.Id), summary, cancelled, revision) with
        {
            Description = ItemDescription.For(visit, item),
            Start = start,
            End = end,
            Transparent = !timed,
            Location = item.Location?.ToSingleLine(),
            Geo = item.Location is { Latitude: { } lat, Longitude: { } lon } ? (lat, lon) : null,
            Url = source.EventUrl(visit.Id),
            Organizer = visit.Organizer.Email is { } organizerEmail ? new FeedAttendee($"mailto:{organizerEmail}", visit.Organizer.Name) : null,
            Attendees = Attendees(visit, item),
            Alarm = !cancelled && timed && source.AlarmMinutesBefore is { } minutes ? new FeedAlarm(summary, minutes) : null,
            Zone = timed ? new ZoneUse(item.Timing.Zone, item.Timing.StartInstant, item.Timing.EndInstant) : null,
        };
    }

    /// <summary>
    /// A removed item, announced cancelled: what a client needs to match and drop its copy (UID, times, a higher
    /// SEQUENCE) and a short word of what happened, not the event's people and notes again, so that an event edited many
    /// times does not fill its feed with copies of itself.
    /// </summary>
    private static FeedComponent Tombstone(FeedSource source, VisitEvent visit, RemovedItem removed)
    {
        var item = removed.Item;
        var (start, end) = Times(item.Timing);
        return NewComponent(visit, FeedUid.ForItem(visit.Id, item.Id), Summary(visit, item), cancelled: true, removed.Revision) with
        {
            Description = $"{visit.Title} · 此站已从行程中取消 This stop was removed from the itinerary",
            Start = start,
            End = end,
            Transparent = item.Timing.IsAllDay,
            Location = item.Location?.ToSingleLine(),
            Url = source.EventUrl(visit.Id),
            Zone = item.Timing.IsAllDay ? null : new ZoneUse(item.Timing.Zone, item.Timing.StartInstant, item.Timing.EndInstant),
        };
    }

    /// <summary>A multi-day event as one all-day entry over its dates (DTEND exclusive), beside its timed items.</summary>
    private static FeedComponent? Banner(VisitEvent visit, IReadOnlyList<ItineraryItem> items, bool cancelled)
    {
        var first = items.Min(i => i.Timing.StartInstant).InZone(visit.TimeZone).Date;
        var last = items.Max(i => i.Timing.IsAllDay ? i.Timing.EndInstant - Duration.Epsilon : i.Timing.EndInstant).InZone(visit.TimeZone).Date;
        if (last <= first) return null;
        return NewComponent(visit, FeedUid.ForBanner(visit.Id), visit.Title, cancelled, visit.Revision) with
        {
            Start = new FeedTime.Date(first),
            End = new FeedTime.Date(last.PlusDays(1)),
            Transparent = true,
            Description = $"{visit.Title} · {visit.Kind.Label()}\n{string.Join("\n", items.Select(i => $"{i.Timing.Start:MM-dd HH:mm} {i.Title}"))}",
        };
    }

    private static FeedComponent NewComponent(VisitEvent visit, string uid, string summary, bool cancelled, int revision) => new()
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
    };

    /// <summary>ATTENDEE where an email is known; ROLE=CHAIR for whoever chairs or leads (主持, 带队).</summary>
    private static IReadOnlyList<FeedAttendee> Attendees(VisitEvent visit, ItineraryItem item) =>
        visit.Participants.Concat(item.Participants).Where(p => p.Email is not null).DistinctBy(p => p.Email)
            .Select(p => new FeedAttendee($"mailto:{p.Email}", p.Name,
                p.Role is { } role && (role.Contains("主持") || role.Contains("带队") || role.Contains("chair", StringComparison.OrdinalIgnoreCase)) ? "CHAIR" : "REQ-PARTICIPANT"))
            .ToArray();

    /// <summary>An item's title alone says little in a month view ("座谈会"), so multi-stop events add the event's title.</summary>
    private static string Summary(VisitEvent visit, ItineraryItem item) =>
        visit.Itinerary.Count == 1 && item.Title == visit.Title ? item.Title : $"{item.Title} · {visit.Title}";

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
