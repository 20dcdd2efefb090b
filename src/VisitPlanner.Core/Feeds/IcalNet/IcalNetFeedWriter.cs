using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds.Model;
using Duration = Ical.Net.DataTypes.Duration;

namespace VisitPlanner.Core.Feeds.IcalNet;

/// <summary>
/// The same feed as <see cref="FeedRenderer"/>, from the same <see cref="FeedComposer"/> model, but built and serialized
/// through Ical.Net's object model: the reference the direct writer is checked against (every fixture and a generated
/// corpus, property by property through independent parsers) and measured against (bench/). Not on any request path.
/// </summary>
public static class IcalNetFeedWriter
{
    public static string Render(FeedSource source, IEnumerable<AgendaEntry> entries)
    {
        var calendar = FeedComposer.Calendar(source);
        var feed = new Calendar { ProductId = FeedRenderer.ProductId };
        feed.Properties.Add(new CalendarProperty("NAME", calendar.Name));
        feed.Properties.Add(new CalendarProperty("X-WR-CALNAME", calendar.Name));
        feed.Properties.Add(new CalendarProperty("X-WR-TIMEZONE", calendar.TimeZoneId));
        if (calendar.Description is { } description)
        {
            feed.Properties.Add(new CalendarProperty("DESCRIPTION", description));
            feed.Properties.Add(new CalendarProperty("X-WR-CALDESC", description));
        }
        var refresh = Serialization.FeedWriter.Duration(calendar.RefreshMinutes);
        var interval = new CalendarProperty("REFRESH-INTERVAL", refresh);
        interval.Parameters.Add("VALUE", "DURATION");
        feed.Properties.Add(interval);
        feed.Properties.Add(new CalendarProperty("X-PUBLISHED-TTL", refresh));

        var components = FeedComposer.Order(entries).SelectMany(entry => FeedComposer.Components(source, entry)).ToArray();
        foreach (var zone in FeedComposer.Zones(components.Select(c => c.Zone).OfType<ZoneUse>())) feed.TimeZones.Add(Zone(zone));
        foreach (var component in components) feed.Events.Add(Event(component));
        return RejoinSplitSurrogates(new CalendarSerializer().SerializeToString(feed)!);
    }

    /// <summary>
    /// Ical.Net 5.2.4 folds lines by UTF-16 units and may put the fold between the two halves of a surrogate pair (an emoji
    /// such as 🚀 at the 75th octet), which no reader can put back together; the direct writer folds on whole UTF-8
    /// sequences. As a reference the Ical.Net text is only compared after parsing, so such folds are undone here.
    /// </summary>
    private static string RejoinSplitSurrogates(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "([\\uD800-\\uDBFF])\r\n ([\\uDC00-\\uDFFF])", "$1$2");

    private static VTimeZone Zone(FeedZone zone)
    {
        var component = new VTimeZone { TzId = zone.TzId };
        component.Properties.Add(new CalendarProperty("X-LIC-LOCATION", zone.TzId));
        foreach (var observance in zone.Observances)
        {
            var info = new VTimeZoneInfo(observance.Daylight ? "DAYLIGHT" : "STANDARD")
            {
                DtStart = new CalDateTime(observance.Onset.Year, observance.Onset.Month, observance.Onset.Day, observance.Onset.Hour, observance.Onset.Minute, observance.Onset.Second, null),
                OffsetFrom = new UtcOffset(observance.OffsetFrom.ToTimeSpan()),
                OffsetTo = new UtcOffset(observance.OffsetTo.ToTimeSpan()),
            };
            if (observance.Name is { } name) info.TimeZoneName = name;
            if (observance.Rule is { } rule) info.RecurrenceRules.Add(Recurrence(rule));
            component.TimeZoneInfos.Add(info);
        }
        return component;
    }

    private static RecurrencePattern Recurrence(YearlyRule rule)
    {
        var pattern = new RecurrencePattern(FrequencyType.Yearly);
        pattern.ByMonth.Add(rule.Month);
        if (rule.Weekday is { } weekday)
        {
            var day = weekday == NodaTime.IsoDayOfWeek.Sunday ? DayOfWeek.Sunday : (DayOfWeek)(int)weekday;
            pattern.ByDay.Add(rule.Ordinal is { } ordinal ? new WeekDay(day, ordinal) : new WeekDay(day));
        }
        if (rule.FirstDay is not null) pattern.ByMonthDay.AddRange(rule.MonthDays);
        return pattern;
    }

    private static CalendarEvent Event(FeedComponent component)
    {
        var entry = new CalendarEvent
        {
            Uid = component.Uid,
            Summary = component.Summary,
            Description = component.Description?.ToString(),
            DtStamp = Utc(component.Stamp),
            Created = Utc(component.Created),
            LastModified = Utc(component.LastModified),
            Sequence = component.Sequence,
            Status = component.Status switch { FeedStatus.Cancelled => Ical.Net.EventStatus.Cancelled, FeedStatus.Tentative => Ical.Net.EventStatus.Tentative, _ => Ical.Net.EventStatus.Confirmed },
            DtStart = Time(component.Start),
            DtEnd = Time(component.End),
            Transparency = component.Transparent ? TransparencyType.Transparent : null,
            Location = component.Location,
        };
        if (component.Geo is { } geo) entry.GeographicLocation = new GeographicLocation(geo.Latitude, geo.Longitude);
        if (component.Url is { } url) entry.Url = new Uri(url);
        foreach (var category in component.Categories) entry.Categories.Add(category);
        if (component.Private) entry.Class = "PRIVATE";
        if (component.Color is { } color) entry.Properties.Add(new CalendarProperty("COLOR", color));
        if (component.Conference is { } conference)
        {
            var property = new CalendarProperty("CONFERENCE", conference.Uri);
            property.Parameters.Add("VALUE", "URI");
            property.Parameters.Add("FEATURE", "VIDEO");
            property.Parameters.Add("LABEL", conference.Label);
            entry.Properties.Add(property);
        }
        if (component.Organizer is { } organizer) entry.Organizer = new Ical.Net.DataTypes.Organizer(organizer.Address) { CommonName = organizer.Name };
        foreach (var attendee in component.Attendees)
            entry.Attendees.Add(new Attendee(attendee.Address) { CommonName = attendee.Name, Role = attendee.Role });
        if (component.Alarm is { } alarm)
        {
            entry.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = alarm.Description,
                Trigger = new Trigger(Duration.FromMinutes(-alarm.MinutesBefore)),
            });
        }
        return entry;
    }

    private static CalDateTime Time(FeedTime time) => time switch
    {
        FeedTime.Date date => new CalDateTime(date.Value.Year, date.Value.Month, date.Value.Day),
        FeedTime.Zoned zoned => new CalDateTime(zoned.Value.Year, zoned.Value.Month, zoned.Value.Day, zoned.Value.Hour, zoned.Value.Minute, zoned.Value.Second, zoned.Zone.Id),
        FeedTime.Utc utc => Utc(utc.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(time)),
    };

    private static CalDateTime Utc(NodaTime.Instant instant) => new(instant.ToDateTimeUtc(), true);
}
