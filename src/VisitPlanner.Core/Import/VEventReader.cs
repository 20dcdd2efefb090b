using System.Globalization;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Import;

/// <summary>
/// Reads one VEVENT's properties into <see cref="EventFacts"/>, or says why it cannot be imported
/// (<see cref="SkipException"/>). Recurrence rules are kept as written here; <see cref="SeriesReader"/> reads them once
/// it is known the VEVENT is a series.
/// </summary>
internal static class VEventReader
{
    /// <summary>The years the API takes: a date outside them is refused there, and here it would overflow the date arithmetic.</summary>
    private const int FirstYear = 1901;
    private const int LastYear = 2199;

    /// <summary>The UID as written, or null: for a skipped VEVENT's report too.</summary>
    public static string? UidOf(IcsComponent vevent) =>
        vevent.First("UID") is { } uid && IcsText.Unescape(uid.Value).Trim() is { Length: > 0 } text ? text : null;

    public static EventFacts Read(IcsComponent vevent, ImportContext context)
    {
        var warnings = new List<string>();
        var uid = UidOf(vevent) ?? throw new SkipException("has no UID, which an import needs to know the event again when the file is imported anew");
        var recurrenceId = vevent.First("RECURRENCE-ID");
        var summary = vevent.First("SUMMARY");
        var title = summary is null ? null : ImportText.Line(IcsText.Unescape(summary.Value), TextRules.Title, summary, "a title", warnings);
        // An override may leave its title to its series; anything else needs one.
        if (title is null && recurrenceId is null)
            throw new SkipException(summary is null ? "has no SUMMARY: an event needs a title" : ImportWarnings.At(summary, "has nothing visible: an event needs a title"));

        var dtstart = vevent.First("DTSTART");
        var start = dtstart is null ? null : Time(dtstart, dtstart.Value);
        var recurrence = recurrenceId is null ? null : Time(recurrenceId, recurrenceId.Value);
        var anchor = start ?? recurrence ?? throw new SkipException("has no DTSTART: an event needs a start");
        if (anchor.Year is < FirstYear or > LastYear)
            throw SkipException.At(dtstart ?? recurrenceId!, $"'{(dtstart ?? recurrenceId!).Value.Trim()}' is out of range: events may lie from {EventLimits.Describe()}");
        var (firstYear, lastYear) = Years(vevent, anchor);
        var zone = EventClock.ZoneOf(anchor, context.Zones, firstYear, lastYear, warnings);
        var clock = new EventClock(zone, context.Zones, firstYear, lastYear, warnings);

        var facts = new EventFacts(uid, vevent.Line, title, zone, start is null ? null : Timing(vevent, dtstart!, start, clock, warnings))
        {
            Overrides = recurrenceId is null ? null : new OverrideOf(recurrenceId.Value.Trim(), recurrence!, clock.DateOf(recurrence!), recurrenceId,
                recurrenceId.Parameter("RANGE")?.ToUpperInvariant() == "THISANDFUTURE"),
            Cancelled = Status(vevent) == "CANCELLED",
            Tentative = Status(vevent) == "TENTATIVE",
            Notes = vevent.First("DESCRIPTION") is { } description ? ImportText.Block(IcsText.Unescape(description.Value), TextRules.LongText, description, "notes", warnings) : null,
            Location = vevent.First("LOCATION") is { } location ? ImportText.Line(IcsText.Unescape(location.Value), TextRules.ShortText, location, "a place's name", warnings) : null,
            Organizer = vevent.First("ORGANIZER") is { } organizer ? ImportPeople.Person(organizer, warnings) : null,
            Participants = ImportPeople.Participants(vevent, warnings),
            Kind = ImportKinds.Of(vevent.All("CATEGORIES").SelectMany(c => IcsText.SplitList(c.Value))),
            Rules = vevent.All("RRULE").ToArray(),
            ExRules = vevent.All("EXRULE").ToArray(),
            RDates = Dates(vevent, "RDATE", clock, warnings),
            ExDates = Dates(vevent, "EXDATE", clock, warnings),
            StartsInUtc = start is IcsTime.Utc,
            UtcDayShift = start is IcsTime.Utc utc ? Period.Between(utc.Value.InUtc().Date, utc.Value.InZone(zone).Date, PeriodUnits.Days).Days : 0,
            Sequence = int.TryParse(vevent.First("SEQUENCE")?.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0,
        };
        return facts with { Warnings = warnings };
    }

    private static IcsTime Time(ContentLine line, string value) =>
        IcsTime.Parse(line, value) ?? throw SkipException.At(line, $"'{value.Trim()}' is not a date or a date-time (such as 20261015 or 20261015T090000)");

    private static string? Status(IcsComponent vevent) => vevent.First("STATUS")?.Value.Trim().ToUpperInvariant();

    /// <summary>
    /// The years the event's times fall in, before its zone is known, to compare a VTIMEZONE over: from its start to its
    /// end, and for a series to its UNTIL, at most five years on (as far as an imported series reaches).
    /// </summary>
    private static (int First, int Last) Years(IcsComponent vevent, IcsTime anchor)
    {
        var first = anchor.Year;
        var last = first;
        if (vevent.First("DTEND") is { } dtend && IcsTime.Parse(dtend, dtend.Value) is { } end) last = Math.Max(last, end.Year);
        if (vevent.First("RRULE") is { } rrule)
        {
            var until = RuleParts.Parse(rrule.Value)?.GetValueOrDefault("UNTIL") is { } text ? IcsTime.Parse(text, null) : null;
            last = Math.Max(last, until?.Year ?? first + 5);
        }
        return (first, Math.Clamp(last, first, Math.Min(first + 5, LastYear)));
    }

    /// <summary>
    /// The item's times from DTSTART and DTEND or DURATION. Without either, RFC 5545 section 3.6.1 says a date lasts one
    /// day and a date-time has no length. DTEND is exclusive; an all-day item's end is its last day, inclusive.
    /// </summary>
    private static ImportedTiming Timing(IcsComponent vevent, ContentLine dtstart, IcsTime start, EventClock clock, List<string> warnings)
    {
        var dtend = vevent.First("DTEND");
        var durationLine = vevent.First("DURATION");
        if (dtend is not null && durationLine is not null)
            warnings.Add(ImportWarnings.At(durationLine, "is left aside: the event has DTEND too, which gives its end (RFC 5545 allows one of them)"));
        var end = dtend is null ? null : Time(dtend, dtend.Value);
        var duration = durationLine is null || dtend is not null ? null
            : IcsDuration.Parse(durationLine.Value) ?? throw SkipException.At(durationLine, $"'{durationLine.Value.Trim()}' is not a duration (such as PT1H30M or P1D)");
        if (duration is { Negative: true })
            throw SkipException.At(durationLine!, $"'{durationLine!.Value.Trim()}' is negative: an event cannot end before it starts");

        if (start is IcsTime.Date startDate)
        {
            var first = startDate.Value;
            if (end is not null and not IcsTime.Date)
                throw SkipException.At(dtend!, "is a date-time, but DTSTART is a date: both are dates for an all-day event, or both date-times");
            if (end is IcsTime.Date endDate)
            {
                if (endDate.Value < first) throw SkipException.At(dtend!, $"{TimeInput.Format(endDate.Value)} is before DTSTART {TimeInput.Format(first)}");
                if (endDate.Value == first) warnings.Add(ImportWarnings.At(dtend!, $"is DTSTART's day, {TimeInput.Format(first)}; DTEND is the day after the last, so this is read as one day"));
                return new ImportedTiming.AllDay(first, endDate.Value == first ? first : endDate.Value.PlusDays(-1));
            }
            if (duration is null) return new ImportedTiming.AllDay(first, first);
            if (duration.Time != Duration.Zero)
                throw SkipException.At(durationLine!, $"'{durationLine!.Value.Trim()}' has hours, minutes or seconds, but DTSTART is a date: an all-day event lasts whole days (P1D)");
            if (duration.Days == 0) warnings.Add(ImportWarnings.At(durationLine!, "is no time at all; read as one day"));
            return new ImportedTiming.AllDay(first, first.PlusDays(Math.Max(duration.Days, 1) - 1));
        }

        var startTime = clock.Time(start);
        if (end is IcsTime.Date) throw SkipException.At(dtend!, "is a date, but DTSTART is a date-time: both are dates for an all-day event, or both date-times");
        var endTime = end is not null ? clock.Time(end) : duration is not null ? Plus(startTime, start, duration, clock) : startTime;
        if (endTime.Instant < startTime.Instant)
            throw SkipException.At(dtend ?? dtstart, $"the event ends ({endTime.Text}) before it starts ({startTime.Text})");
        return new ImportedTiming.Timed(startTime, endTime);
    }

    /// <summary>A start plus a DURATION: days on the wall clock, then hours as elapsed time (RFC 5545 section 3.3.6).</summary>
    private static ImportedTime Plus(ImportedTime start, IcsTime written, IcsDuration duration, EventClock clock)
    {
        if (written is IcsTime.Utc)
        {
            // A UTC time's days are UTC days, which are all 24 hours.
            var utc = start.Instant + Duration.FromDays(duration.Days) + duration.Time;
            return new ImportedTime(utc.InZone(clock.Zone).LocalDateTime, TimeInput.Format(utc), utc);
        }
        var instant = start.Local.PlusDays(duration.Days).InZone(clock.Zone, NodaTime.TimeZones.Resolvers.LenientResolver).ToInstant() + duration.Time;
        var local = instant.InZone(clock.Zone).LocalDateTime;
        // A wall-clock time the zone has once is written as such, like the start; one it has twice needs its offset.
        return clock.Zone.MapLocal(local).Count == 1 ? clock.Local(local) : clock.Exact(instant);
    }

    /// <summary>Every value of every RDATE or EXDATE line (comma lists, several lines, any value type), in the event's zone.</summary>
    private static IReadOnlyList<ImportedDate> Dates(IcsComponent vevent, string name, EventClock clock, List<string> warnings)
    {
        var dates = new List<ImportedDate>();
        foreach (var line in vevent.All(name))
        {
            foreach (var value in line.Value.Split(','))
            {
                if (value.Trim().Length == 0) continue;
                if (IcsTime.Parse(line, value) is not { } time)
                {
                    warnings.Add(ImportWarnings.At(line, $"'{value.Trim()}' is not a date or a date-time: left aside"));
                    continue;
                }
                if (time.Year is < FirstYear or > LastYear) continue;
                dates.Add(new ImportedDate(clock.DateOf(time), clock.TimeOfDay(time), line));
            }
        }
        return dates;
    }
}
