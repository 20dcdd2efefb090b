using System.Buffers;
using System.Globalization;
using VisitPlanner.Core.Feeds.Model;

namespace VisitPlanner.Core.Feeds.Serialization;

/// <summary>
/// Writes a feed's parts as iCalendar text (RFC 5545), straight to UTF-8: the calendar's own properties, VTIMEZONEs,
/// VEVENTs and the end. No object model in between, so a feed costs about its own size in memory.
/// </summary>
public sealed class FeedWriter(IBufferWriter<byte> output)
{
    public const string ProductId = "-//VisitPlanner//Calendar feeds 1.0//EN";

    private readonly ContentLineWriter _lines = new(output);

    public void WriteHeader(FeedCalendar calendar)
    {
        _lines.Begin("VCALENDAR");
        _lines.Raw("VERSION", "2.0");
        _lines.Raw("PRODID", ProductId);
        _lines.Text("NAME", calendar.Name);
        _lines.Text("X-WR-CALNAME", calendar.Name);
        _lines.Text("X-WR-TIMEZONE", calendar.TimeZoneId);
        if (calendar.Description is { } description)
        {
            _lines.Text("DESCRIPTION", description);
            _lines.Text("X-WR-CALDESC", description);
        }
        // RFC 7986 REFRESH-INTERVAL for Apple and Thunderbird, X-PUBLISHED-TTL for Outlook.
        var refresh = Duration(calendar.RefreshMinutes);
        _lines.Name("REFRESH-INTERVAL").Parameter("VALUE", "DURATION").Value(refresh);
        _lines.Raw("X-PUBLISHED-TTL", refresh);
    }

    public void WriteZone(FeedZone zone)
    {
        _lines.Begin("VTIMEZONE");
        _lines.Text("TZID", zone.TzId);
        _lines.Text("X-LIC-LOCATION", zone.TzId);
        foreach (var observance in zone.Observances)
        {
            var kind = observance.Daylight ? "DAYLIGHT" : "STANDARD";
            _lines.Begin(kind);
            _lines.Name("DTSTART").Value(observance.Onset);
            if (observance.Rule is { } rule) _lines.Raw("RRULE", Recurrence(rule));
            if (observance.Name is { } name) _lines.Text("TZNAME", name);
            _lines.Raw("TZOFFSETFROM", Offset(observance.OffsetFrom));
            _lines.Raw("TZOFFSETTO", Offset(observance.OffsetTo));
            _lines.End(kind);
        }
        _lines.End("VTIMEZONE");
    }

    public void WriteComponent(FeedComponent component)
    {
        _lines.Begin("VEVENT");
        _lines.Text("UID", component.Uid);
        _lines.Raw("DTSTAMP", component.Stamp);
        _lines.Raw("CREATED", component.Created);
        _lines.Raw("LAST-MODIFIED", component.LastModified);
        _lines.Raw("SEQUENCE", component.Sequence);
        _lines.Raw("STATUS", component.Status switch { FeedStatus.Cancelled => "CANCELLED", FeedStatus.Tentative => "TENTATIVE", _ => "CONFIRMED" });
        Time("DTSTART", component.Start);
        Time("DTEND", component.End);
        if (component.RecurrenceId is { } recurrenceId) Time("RECURRENCE-ID", recurrenceId);
        if (component.Rule is { } rule) _lines.Raw("RRULE", Recurrence(rule));
        if (component.ExtraDates.Count > 0) Times("RDATE", component.ExtraDates);
        if (component.ExceptionDates.Count > 0) Times("EXDATE", component.ExceptionDates);
        _lines.Text("SUMMARY", component.Summary);
        if (component.Location is { } location) _lines.Text("LOCATION", location);
        if (component.Geo is { } geo) _lines.Geo("GEO", geo.Latitude, geo.Longitude);
        if (component.Description is { } description) _lines.Text("DESCRIPTION", description);
        if (component.Url is { } url) _lines.Raw("URL", url);
        if (component.Categories.Count > 0) _lines.TextList("CATEGORIES", component.Categories);
        if (component.Private) _lines.Raw("CLASS", "PRIVATE");
        if (component.Color is { } color) _lines.Raw("COLOR", color);
        if (component.Conference is { } conference)
            _lines.Name("CONFERENCE").Parameter("VALUE", "URI").Parameter("FEATURE", "VIDEO").Parameter("LABEL", conference.Label).Value(conference.Uri);
        // OPAQUE (busy) is what a VEVENT is without TRANSP (RFC 5545 section 3.8.2.7): only the exception is written.
        if (component.Transparent) _lines.Raw("TRANSP", "TRANSPARENT");
        if (component.Organizer is { } organizer) _lines.Name("ORGANIZER").Parameter("CN", organizer.Name).Value(organizer.Address);
        foreach (var attendee in component.Attendees)
        {
            var line = _lines.Name("ATTENDEE").Parameter("CN", attendee.Name);
            if (attendee.Role is { } role) line.Parameter("ROLE", role);
            line.Value(attendee.Address);
        }
        if (component.Alarm is { } alarm)
        {
            _lines.Begin("VALARM");
            _lines.Raw("ACTION", "DISPLAY");
            _lines.Text("DESCRIPTION", alarm.Description);
            _lines.Raw("TRIGGER", Trigger(alarm.MinutesBefore));
            _lines.End("VALARM");
        }
        _lines.End("VEVENT");
    }

    /// <summary>"-PT15M": every alarm of a feed is alike, so its text is made once per writer.</summary>
    private string Trigger(int minutesBefore)
    {
        if (_trigger is not { } known || known.Minutes != minutesBefore) _trigger = known = (minutesBefore, "-" + Duration(minutesBefore));
        return known.Text;
    }

    private (int Minutes, string Text)? _trigger;

    public void WriteFooter() => _lines.End("VCALENDAR");

    private void Time(string name, FeedTime time)
    {
        switch (time)
        {
            case FeedTime.Date date:
                _lines.Name(name).Parameter("VALUE", "DATE").Value(date.Value);
                break;
            case FeedTime.Zoned zoned:
                _lines.Name(name).Parameter("TZID", zoned.Zone.Id).Value(zoned.Value);
                break;
            case FeedTime.Utc utc:
                _lines.Raw(name, utc.Value);
                break;
        }
    }

    /// <summary>
    /// RDATE or EXDATE with all of its values on one line, each in the form of the first (a series writes every instant the
    /// way its DTSTART is written, which RFC 5545 section 3.8.5.1 asks of EXDATE and clients expect of RDATE).
    /// </summary>
    private void Times(string name, IReadOnlyList<FeedTime> times)
    {
        var values = string.Join(",", times.Select(TimeValue));
        switch (times[0])
        {
            case FeedTime.Date:
                _lines.Name(name).Parameter("VALUE", "DATE").Value(values);
                break;
            case FeedTime.Zoned zoned:
                _lines.Name(name).Parameter("TZID", zoned.Zone.Id).Value(values);
                break;
            default:
                _lines.Raw(name, values);
                break;
        }
    }

    private static readonly NodaTime.Text.LocalDatePattern DateText = NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");
    private static readonly NodaTime.Text.LocalDateTimePattern LocalText = NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");

    /// <summary>A DATE, a local DATE-TIME or a UTC DATE-TIME as a value (RFC 5545 sections 3.3.4 and 3.3.5).</summary>
    private static string TimeValue(FeedTime time) => time switch
    {
        FeedTime.Date date => DateText.Format(date.Value),
        FeedTime.Zoned zoned => LocalText.Format(zoned.Value),
        FeedTime.Utc utc => LocalText.Format(utc.Value.InUtc().LocalDateTime) + "Z",
        _ => throw new ArgumentOutOfRangeException(nameof(time)),
    };

    /// <summary>"FREQ=WEEKLY;BYDAY=MO;UNTIL=20261130T010000Z" (RFC 5545 section 3.3.10).</summary>
    private static string Recurrence(FeedRule rule)
    {
        var text = new System.Text.StringBuilder("FREQ=").Append(rule.Frequency);
        if (rule.Interval != 1) text.Append(";INTERVAL=").Append(rule.Interval.ToString(CultureInfo.InvariantCulture));
        if (rule.ByDay.Count > 0) text.Append(";BYDAY=").Append(string.Join(",", rule.ByDay));
        if (rule.ByMonthDay.Count > 0) text.Append(";BYMONTHDAY=").Append(string.Join(",", rule.ByMonthDay.Select(d => d.ToString(CultureInfo.InvariantCulture))));
        return text.Append(";UNTIL=").Append(TimeValue(rule.Until)).ToString();
    }

    /// <summary>"FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" (RFC 5545 section 3.3.10).</summary>
    private static string Recurrence(YearlyRule rule)
    {
        var text = new System.Text.StringBuilder("FREQ=YEARLY;BYMONTH=").Append(rule.Month.ToString(CultureInfo.InvariantCulture));
        if (rule.Weekday is { } weekday)
        {
            text.Append(";BYDAY=");
            if (rule.Ordinal is { } ordinal) text.Append(ordinal.ToString(CultureInfo.InvariantCulture));
            text.Append(WeekdayCodes[(int)weekday - 1]);
        }
        if (rule.FirstDay is not null) text.Append(";BYMONTHDAY=").Append(string.Join(",", rule.MonthDays));
        return text.ToString();
    }

    private static readonly string[] WeekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>"PT1H", "PT30M", "PT1H30M", "P1D" for whole days (RFC 5545 section 3.3.6).</summary>
    public static string Duration(int minutes) => minutes % (24 * 60) == 0 && minutes > 0
        ? $"P{minutes / (24 * 60)}D"
        : "PT" + (minutes >= 60 ? $"{minutes / 60}H" : "") + (minutes % 60 != 0 || minutes == 0 ? $"{minutes % 60}M" : "");

    /// <summary>"+0800", "-0430", "+054530" where seconds are not zero (RFC 5545 section 3.3.14).</summary>
    private static string Offset(NodaTime.Offset offset)
    {
        var seconds = offset.Seconds;
        var sign = seconds < 0 ? '-' : '+';
        seconds = Math.Abs(seconds);
        var text = $"{sign}{seconds / 3600:00}{seconds / 60 % 60:00}";
        return seconds % 60 == 0 ? text : text + $"{seconds % 60:00}";
    }
}
