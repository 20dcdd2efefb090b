using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using VisitPlanner.Core.Domain;
using Duration = Ical.Net.DataTypes.Duration;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// Renders an agenda (a calendar's or a person's) as an iCalendar feed (RFC 5545) with Ical.Net: every
/// itinerary item is its own VEVENT in its own zone, multi-day events get an all-day banner, every zone used
/// gets a complete VTIMEZONE, and cancelled events, removed items and withdrawn entries stay as
/// STATUS:CANCELLED for <see cref="Scheduling.Retention.Tombstones"/> so clients drop them. Output depends only
/// on the <see cref="FeedSource"/> and the entries.
/// </summary>
public static class FeedRenderer
{
    public const string ProductId = "-//VisitPlanner//Calendar feeds 1.0//EN";

    public static string Render(FeedSource source, IEnumerable<AgendaEntry> entries)
    {
        var feed = new Calendar { ProductId = ProductId, Method = CalendarMethods.Publish };
        AddCalendarProperties(feed, source);

        var entriesByEvent = Deduplicate(entries).OrderBy(e => e.Event.StartsAt).ThenBy(e => e.Event.Id, StringComparer.Ordinal).ToArray();
        var components = entriesByEvent.SelectMany(entry => Components(source, entry)).ToArray();

        // VTIMEZONEs come before the VEVENTs that refer to them, which strict readers (Outlook) expect.
        foreach (var (zone, span) in ZoneSpans(components.Select(c => c.Item).OfType<ItineraryItem>()))
        {
            feed.TimeZones.Add(VTimeZoneFactory.Create(zone, span.Earliest, span.Latest));
        }
        foreach (var component in components) feed.Events.Add(component.Entry);
        return new CalendarSerializer().SerializeToString(feed)!;
    }

    private static void AddCalendarProperties(Calendar feed, FeedSource source)
    {
        feed.Properties.Add(new CalendarProperty("X-WR-CALNAME", source.Name));
        feed.Properties.Add(new CalendarProperty("NAME", source.Name));
        feed.Properties.Add(new CalendarProperty("X-WR-TIMEZONE", source.TimeZone.Id));
        if (source.Description is { } description)
        {
            feed.Properties.Add(new CalendarProperty("X-WR-CALDESC", description));
            feed.Properties.Add(new CalendarProperty("DESCRIPTION", description));
        }
        // RFC 7986 REFRESH-INTERVAL for Apple and Thunderbird, X-PUBLISHED-TTL for Outlook.
        var refresh = $"PT{source.RefreshMinutes / 60}H{source.RefreshMinutes % 60}M".Replace("H0M", "H").Replace("PT0H", "PT");
        var interval = new CalendarProperty("REFRESH-INTERVAL", refresh);
        interval.Parameters.Add("VALUE", "DURATION");
        feed.Properties.Add(interval);
        feed.Properties.Add(new CalendarProperty("X-PUBLISHED-TTL", refresh));
    }

    /// <summary>One entry per event: a live entry wins over a withdrawn one, a later revision over an earlier.</summary>
    private static IEnumerable<AgendaEntry> Deduplicate(IEnumerable<AgendaEntry> entries) =>
        entries.GroupBy(e => e.Event.Id, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.WithdrawnAt is null ? 0 : 1).ThenByDescending(e => e.Event.Revision).First());

    private sealed record Component(CalendarEvent Entry, ItineraryItem? Item);

    private static IEnumerable<Component> Components(FeedSource source, AgendaEntry entry)
    {
        var visit = entry.Event;
        var cutoff = source.TombstoneCutoff;
        var withdrawn = entry.WithdrawnAt is not null;
        if (withdrawn && entry.WithdrawnAt < cutoff) yield break;
        if (visit.Status == Domain.EventStatus.Cancelled && visit.UpdatedAt < cutoff) yield break;

        var cancelled = withdrawn || visit.Status == Domain.EventStatus.Cancelled;
        var items = visit.Itinerary.Where(i => source.PersonId is null || withdrawn || visit.Attends(source.PersonId, i)).ToArray();
        if (items.Length > 0 && source.ShowBanners && Banner(visit, items, cancelled) is { } banner) yield return new Component(banner, null);
        foreach (var item in items)
        {
            yield return new Component(ItemEvent(source, visit, item, cancelled, visit.Revision), item);
        }
        foreach (var removed in visit.RemovedItems)
        {
            if (removed.RemovedAt < cutoff || (source.PersonId is not null && !visit.Attends(source.PersonId, removed.Item))) continue;
            yield return new Component(ItemEvent(source, visit, removed.Item, cancelled: true, removed.Revision), removed.Item);
        }
    }

    /// <summary>For every zone a timed item uses, the instants its items span: the VTIMEZONE must cover them.</summary>
    private static IEnumerable<(DateTimeZone Zone, (Instant Earliest, Instant Latest) Span)> ZoneSpans(IEnumerable<ItineraryItem> items) =>
        items.Where(i => !i.Timing.IsAllDay)
            .GroupBy(i => i.Timing.Zone)
            .OrderBy(g => g.Key.Id, StringComparer.Ordinal)
            .Select(g => (g.Key, (g.Min(i => i.Timing.StartInstant), g.Max(i => i.Timing.EndInstant))));

    private static CalendarEvent ItemEvent(FeedSource source, VisitEvent visit, ItineraryItem item, bool cancelled, int revision)
    {
        var entry = NewEntry(visit, FeedUid.ForItem(visit.Id, item.Id), Summary(visit, item), cancelled, revision);
        entry.Description = ItemDescription.For(visit, item);
        (entry.DtStart, entry.DtEnd) = Times(item.Timing);
        entry.Transparency = item.Timing.IsAllDay ? TransparencyType.Transparent : TransparencyType.Opaque;
        if (item.Location is { } place)
        {
            entry.Location = place.ToSingleLine();
            if (place.Latitude is { } lat && place.Longitude is { } lon) entry.GeographicLocation = new GeographicLocation(lat, lon);
        }
        if (source.EventUrl(visit.Id) is { } url) entry.Url = new Uri(url);
        AddPeople(entry, visit, item);
        if (!cancelled && !item.Timing.IsAllDay && source.AlarmMinutesBefore is { } minutes)
        {
            entry.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = entry.Summary,
                Trigger = new Trigger(Duration.FromMinutes(-minutes)),
            });
        }
        return entry;
    }

    /// <summary>A multi-day event as one all-day entry over its dates (DTEND exclusive), beside its timed items.</summary>
    private static CalendarEvent? Banner(VisitEvent visit, IReadOnlyList<ItineraryItem> items, bool cancelled)
    {
        var first = items.Min(i => i.Timing.StartInstant).InZone(visit.TimeZone).Date;
        var last = items.Max(i => i.Timing.IsAllDay ? i.Timing.EndInstant - NodaTime.Duration.Epsilon : i.Timing.EndInstant).InZone(visit.TimeZone).Date;
        if (last <= first) return null;
        var entry = NewEntry(visit, FeedUid.ForBanner(visit.Id), visit.Title, cancelled, visit.Revision);
        entry.DtStart = new CalDateTime(first.Year, first.Month, first.Day);
        var end = last.PlusDays(1);
        entry.DtEnd = new CalDateTime(end.Year, end.Month, end.Day);
        entry.Transparency = TransparencyType.Transparent;
        entry.Description = $"{visit.Title} · {visit.Kind.Label()}\n{string.Join("\n", items.Select(i => $"{i.Timing.Start:MM-dd HH:mm} {i.Title}"))}";
        return entry;
    }

    private static CalendarEvent NewEntry(VisitEvent visit, string uid, string summary, bool cancelled, int revision)
    {
        var entry = new CalendarEvent
        {
            Uid = uid,
            Summary = summary,
            DtStamp = Utc(visit.UpdatedAt),
            Created = Utc(visit.CreatedAt),
            LastModified = Utc(visit.UpdatedAt),
            // Revisions start at 1, SEQUENCE at 0. A removed item carries the revision that removed it and a
            // withdrawn entry the revision that withdrew it, so either is higher than what subscribers last saw.
            Sequence = revision - 1,
            Status = cancelled ? Ical.Net.EventStatus.Cancelled
                : visit.Status == Domain.EventStatus.Tentative ? Ical.Net.EventStatus.Tentative
                : Ical.Net.EventStatus.Confirmed,
        };
        entry.Categories.Add(visit.Kind.ToWireName());
        return entry;
    }

    /// <summary>ORGANIZER and ATTENDEE where an email is known; ROLE=CHAIR for whoever chairs or leads (主持, 带队).</summary>
    private static void AddPeople(CalendarEvent entry, VisitEvent visit, ItineraryItem item)
    {
        if (visit.Organizer.Email is { } organizerEmail)
            entry.Organizer = new Ical.Net.DataTypes.Organizer($"mailto:{organizerEmail}") { CommonName = visit.Organizer.Name };
        foreach (var participant in visit.Participants.Concat(item.Participants).Where(p => p.Email is not null).DistinctBy(p => p.Email))
        {
            var chairs = participant.Role is { } role && (role.Contains("主持") || role.Contains("带队") || role.Contains("chair", StringComparison.OrdinalIgnoreCase));
            entry.Attendees.Add(new Attendee($"mailto:{participant.Email}")
            {
                CommonName = participant.Name,
                Role = chairs ? ParticipationRole.Chair : ParticipationRole.RequiredParticipant,
            });
        }
    }

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
    private static (CalDateTime Start, CalDateTime End) Times(ItemTiming timing)
    {
        if (timing.IsAllDay)
            return (new CalDateTime(timing.Start.Year, timing.Start.Month, timing.Start.Day), new CalDateTime(timing.End.Year, timing.End.Month, timing.End.Day));
        if (timing.Zone.MapLocal(timing.Start).Count == 1 && timing.Zone.MapLocal(timing.End).Count == 1)
            return (Local(timing.Start, timing.Zone), Local(timing.End, timing.Zone));
        return (Utc(timing.StartInstant), Utc(timing.EndInstant));
    }

    private static CalDateTime Local(LocalDateTime local, DateTimeZone zone) =>
        new(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, zone.Id);

    private static CalDateTime Utc(Instant instant) => new(instant.ToDateTimeUtc(), true);
}
