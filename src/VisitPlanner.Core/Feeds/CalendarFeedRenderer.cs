using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// Renders a calendar's events as an iCalendar feed (RFC 5545) with Ical.Net: every itinerary item is its
/// own VEVENT in its own zone, and every zone used gets a complete VTIMEZONE. Output depends only on the
/// data (DTSTAMP is the event's last change), so an unchanged calendar renders to the same bytes.
/// </summary>
public static class CalendarFeedRenderer
{
    public const string ProductId = "-//VisitPlanner//Calendar feeds 1.0//EN";

    public static string Render(VisitCalendar calendar, IEnumerable<VisitEvent> events)
    {
        var feed = new Calendar { ProductId = ProductId, Method = CalendarMethods.Publish };
        feed.Properties.Add(new CalendarProperty("X-WR-CALNAME", calendar.Name));
        feed.Properties.Add(new CalendarProperty("NAME", calendar.Name));
        feed.Properties.Add(new CalendarProperty("X-WR-TIMEZONE", calendar.TimeZone.Id));
        if (calendar.Description is { } description)
        {
            feed.Properties.Add(new CalendarProperty("X-WR-CALDESC", description));
            feed.Properties.Add(new CalendarProperty("DESCRIPTION", description));
        }

        var ordered = events.OrderBy(e => e.StartsAt).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray();
        // VTIMEZONEs come before the VEVENTs that refer to them, which strict readers (Outlook) expect.
        foreach (var (zone, span) in ZoneSpans(ordered))
        {
            feed.TimeZones.Add(VTimeZoneFactory.Create(zone, span.Earliest, span.Latest));
        }
        foreach (var visit in ordered)
        {
            foreach (var item in visit.Itinerary) feed.Events.Add(ItemEvent(visit, item));
        }
        return new CalendarSerializer().SerializeToString(feed)!;
    }

    /// <summary>For every zone a timed item uses, the instants its items span: the VTIMEZONE must cover them.</summary>
    private static IEnumerable<(DateTimeZone Zone, (Instant Earliest, Instant Latest) Span)> ZoneSpans(IEnumerable<VisitEvent> visits) =>
        visits.SelectMany(v => v.Itinerary)
            .Where(i => !i.Timing.IsAllDay)
            .GroupBy(i => i.Timing.Zone)
            .OrderBy(g => g.Key.Id, StringComparer.Ordinal)
            .Select(g => (g.Key, (g.Min(i => i.Timing.StartInstant), g.Max(i => i.Timing.EndInstant))));

    private static CalendarEvent ItemEvent(VisitEvent visit, ItineraryItem item)
    {
        var entry = new CalendarEvent
        {
            Uid = FeedUid.ForItem(visit.Id, item.Id),
            Summary = Summary(visit, item),
            Description = ItemDescription.For(visit, item),
            DtStart = ToCalDateTime(item.Timing, item.Timing.Start),
            DtEnd = ToCalDateTime(item.Timing, item.Timing.End),
            DtStamp = Utc(visit.UpdatedAt),
            Created = Utc(visit.CreatedAt),
            LastModified = Utc(visit.UpdatedAt),
            Sequence = visit.Revision - 1,
            Status = visit.Status switch
            {
                Domain.EventStatus.Tentative => Ical.Net.EventStatus.Tentative,
                Domain.EventStatus.Cancelled => Ical.Net.EventStatus.Cancelled,
                _ => Ical.Net.EventStatus.Confirmed,
            },
            Transparency = item.Timing.IsAllDay ? TransparencyType.Transparent : TransparencyType.Opaque,
        };
        entry.Categories.Add(visit.Kind.ToWireName());
        if (item.Location is { } place)
        {
            entry.Location = place.ToSingleLine();
            if (place.Latitude is { } lat && place.Longitude is { } lon) entry.GeographicLocation = new GeographicLocation(lat, lon);
        }
        return entry;
    }

    /// <summary>An item's title alone says little in a month view ("座谈会"), so multi-stop events add the event's title.</summary>
    private static string Summary(VisitEvent visit, ItineraryItem item) =>
        visit.Itinerary.Count == 1 && item.Title == visit.Title ? item.Title : $"{item.Title} · {visit.Title}";

    /// <summary>
    /// Timed items are written in their zone (TZID), except local times that happen twice or not at all at a
    /// daylight-saving change: RFC 5545 says the first occurrence, but ical.js and python-icalendar take the
    /// second, so those are written as the UTC instant, which every client reads the same.
    /// </summary>
    private static CalDateTime ToCalDateTime(ItemTiming timing, LocalDateTime local)
    {
        if (timing.IsAllDay) return new CalDateTime(local.Year, local.Month, local.Day);
        if (timing.Zone.MapLocal(local).Count != 1) return Utc(local.InZone(timing.Zone, NodaTime.TimeZones.Resolvers.LenientResolver).ToInstant());
        return new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, timing.Zone.Id);
    }

    private static CalDateTime Utc(Instant instant) => new(instant.ToDateTimeUtc(), true);
}
