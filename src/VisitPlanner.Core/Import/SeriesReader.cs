using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;
using VisitPlanner.Core.Domain.Recurrence;
using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Import;

/// <summary>
/// Reads a VEVENT's RRULE, RDATE and EXDATE into the API's recurrence: FREQ DAILY, WEEKLY or MONTHLY with INTERVAL,
/// BYDAY (weekly MO..SU; monthly also 1TU, -1FR), BYMONTHDAY, UNTIL or COUNT, and a WKST that changes nothing. Holidays
/// are kept ("keep"), since a series brought over from another calendar must meet when it met there. What the API
/// cannot hold (YEARLY, BYSETPOS, BYHOUR, two rules, EXRULE, …) skips the event with the reason; what it holds
/// differently is made to fit, with a warning: an endless series ends after five years, an RDATE is a date.
/// </summary>
internal static class SeriesReader
{
    private static readonly string[] Supported = ["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "UNTIL", "COUNT", "WKST"];

    private const int Max = RecurrenceRule.MaxOccurrences;

    /// <summary>The series, or null when the event does not recur (no RRULE, no RDATE).</summary>
    public static ImportedSeries? Read(EventFacts facts, List<string> warnings)
    {
        if (facts.ExRules.Count > 0) throw SkipException.At(facts.ExRules[0], "is not imported: a series is imported from RRULE, RDATE and EXDATE (RFC 5545 deprecates EXRULE)");
        if (facts.Rules.Count > 1) throw SkipException.At(facts.Rules[1], "is a second RRULE: a series is imported from one rule");
        if (facts.Rules.Count == 0 && facts.RDates.Count == 0) return null;
        var timing = facts.Timing!;
        var first = timing.FirstDate;
        // The API lets a series reach five years past its first date; an endless one is cut a day before, as asked.
        var latest = first.Plus(RecurrenceRule.MaxSpan).PlusDays(-1);
        var byRule = facts.Rules.Count == 1;
        var rule = byRule ? Rule(facts.Rules[0], facts, first, latest, warnings)
            // RDATE alone: the first date and the dates listed, which the API holds as a rule of one occurrence with extra dates.
            : new RecurrenceRule(RecurrenceFrequency.Daily, 1, [], [], null, 1, HolidayPolicy.Keep, []);
        var ruleDates = RuleDates.Generate(rule, first).Take(Max + 1).ToArray();
        if (byRule && ruleDates.Length <= Max && rule.Count is { } count && ruleDates.Length < count)
        {
            warnings.Add(ImportWarnings.At(facts.Rules[0], $"COUNT={count} reaches more than five years past the first occurrence, longer than a series may run: it is imported until {TimeInput.Format(ruleDates[^1])}, the last of its {ImportText.Number(ruleDates.Length)} occurrences within them"));
            rule = rule with { Count = null, Until = ruleDates[^1] };
        }
        var extras = Extras(facts, timing, first, rule.Until ?? first.Plus(RecurrenceRule.MaxSpan), ruleDates, warnings);
        var all = ruleDates.Concat(extras).Distinct().Order().ToArray();
        if (all.Length > Max)
        {
            var last = all[Max - 1];
            warnings.Add(byRule
                ? ImportWarnings.At(facts.Rules[0], $"gives more than {ImportText.Number(Max)} occurrences, more than a series may have: it is imported until {TimeInput.Format(last)}, its {ImportText.Number(Max)}th")
                : $"RDATE gives more than {ImportText.Number(Max)} occurrences, more than a series may have: those after {TimeInput.Format(last)} are left aside");
            if (byRule) rule = rule with { Count = null, Until = last };
            ruleDates = ruleDates.Where(d => d <= last).ToArray();
            extras = extras.Where(d => d <= last).ToArray();
        }
        if (facts.StartsInUtc && timing is ImportedTiming.Timed timed && ZoneChanges(facts.Zone, timed.Start.Instant, ruleDates.Concat(extras).Max()))
            warnings.Add($"DTSTART is in UTC, and {facts.Zone.Id} changes its clocks while the series runs: every occurrence is imported at {Clock(timed.Start.Local.TimeOfDay)} {facts.Zone.Id} time, as on the first date, where the file's would move by the change");
        rule = rule with { ExtraDates = extras };
        var dates = ruleDates.Concat(extras).ToHashSet();
        var excluded = new SortedSet<LocalDate>();
        foreach (var exdate in facts.ExDates)
        {
            if (dates.Contains(exdate.Date)) excluded.Add(exdate.Date);
            else warnings.Add(ImportWarnings.At(exdate.Source, $"{TimeInput.Format(exdate.Date)} is no occurrence of the series: left aside"));
        }
        return new ImportedSeries(rule, first, dates, excluded.ToArray());
    }

    private static RecurrenceRule Rule(ContentLine line, EventFacts facts, LocalDate first, LocalDate latest, List<string> warnings)
    {
        var parts = RuleParts.Parse(line.Value) ?? throw SkipException.At(line, "is not a recurrence rule: its parts are NAME=value, separated by ';', each given once");
        var frequency = parts.GetValueOrDefault("FREQ") switch
        {
            "DAILY" => RecurrenceFrequency.Daily,
            "WEEKLY" => RecurrenceFrequency.Weekly,
            "MONTHLY" => RecurrenceFrequency.Monthly,
            null => throw SkipException.At(line, "has no FREQ"),
            var named => throw SkipException.At(line, $"FREQ={named} is not imported: a series repeats daily, weekly or monthly"),
        };
        // The frequency first: "FREQ=YEARLY is not imported" says more than the BYMONTH that comes with it.
        if (parts.Keys.FirstOrDefault(k => !Supported.Contains(k)) is { } other)
            throw SkipException.At(line, $"{other} is not imported: a series is imported from FREQ (DAILY, WEEKLY or MONTHLY), INTERVAL, BYDAY, BYMONTHDAY, UNTIL or COUNT, and WKST");
        var interval = 1;
        if (parts.TryGetValue("INTERVAL", out var intervalText)
            && (!int.TryParse(intervalText, NumberStyles.None, CultureInfo.InvariantCulture, out interval) || interval < 1 || interval > RecurrenceJsonReader.MaxInterval))
            throw SkipException.At(line, $"INTERVAL={intervalText} is not a whole number from 1 to {RecurrenceJsonReader.MaxInterval}");
        var byDay = parts.TryGetValue("BYDAY", out var dayText) ? ByDay(line, dayText, frequency) : [];
        var byMonthDay = parts.TryGetValue("BYMONTHDAY", out var monthDayText) ? ByMonthDay(line, monthDayText) : [];
        if (frequency != RecurrenceFrequency.Monthly && byMonthDay.Count > 0)
            throw SkipException.At(line, $"BYMONTHDAY with FREQ={parts["FREQ"]} is not imported: a series meets on days of the month only monthly");
        if (frequency == RecurrenceFrequency.Daily && byDay.Count > 0)
        {
            if (interval > 1) throw SkipException.At(line, "BYDAY with FREQ=DAILY and an INTERVAL is not imported: the days it meets follow no weekly or monthly rule");
            // Every day that is one of these weekdays: a weekly rule on them says the same.
            frequency = RecurrenceFrequency.Weekly;
        }
        if (byDay.Count > 0 && byMonthDay.Count > 0)
            throw SkipException.At(line, "BYDAY and BYMONTHDAY together (the days that are both, such as Friday the 13th) are not imported");
        if (parts.TryGetValue("WKST", out var weekStart)) CheckWeekStart(line, weekStart, frequency, interval, byDay, first);
        if (parts.ContainsKey("UNTIL") && parts.ContainsKey("COUNT")) throw SkipException.At(line, "has both UNTIL and COUNT, which RFC 5545 does not allow");
        int? count = null;
        if (parts.TryGetValue("COUNT", out var countText))
        {
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) throw SkipException.At(line, $"COUNT={countText} is not a whole number of occurrences");
            count = n;
        }
        if (facts.UtcDayShift != 0)
        {
            // RFC 5545 counts a rule on DTSTART's own clock: in UTC, where these days are not the zone's.
            if (frequency == RecurrenceFrequency.Monthly)
                throw SkipException.At(line, $"is counted in UTC (DTSTART ends in Z), where the series' days are a day off its dates in {facts.Zone.Id}: a monthly rule cannot be moved with them; give DTSTART a TZID");
            byDay = byDay.Select(d => d with { Day = (IsoDayOfWeek)(((int)d.Day - 1 + facts.UtcDayShift + 7) % 7 + 1) }).ToArray();
        }
        LocalDate? until = null;
        if (parts.TryGetValue("UNTIL", out var untilText)) until = Until(line, untilText, facts, first, latest, warnings);
        else if (count is null)
        {
            until = latest;
            warnings.Add(ImportWarnings.At(line, $"has no UNTIL or COUNT: the series is imported until {TimeInput.Format(latest)}, five years after its first occurrence, as long as a series may run"));
        }
        var rule = new RecurrenceRule(frequency, interval, byDay, byMonthDay, until, count, HolidayPolicy.Keep, []);
        if (!RuleDates.Meets(rule, first))
            throw SkipException.At(line, $"does not meet on DTSTART's date, {TimeInput.Format(first)} ({first.DayOfWeek}), which is the first occurrence of a series");
        return rule;
    }

    private static IReadOnlyList<WeekdayRule> ByDay(ContentLine line, string text, RecurrenceFrequency frequency)
    {
        var days = new List<WeekdayRule>();
        foreach (var code in text.Split(','))
        {
            var day = WeekdayRule.Parse(code.Trim(), allowOrdinal: frequency == RecurrenceFrequency.Monthly)
                ?? throw SkipException.At(line, frequency == RecurrenceFrequency.Monthly
                    ? $"BYDAY={text}: '{code}' is not a weekday (MO..SU), with an ordinal of 1 to 5 or -1 to -5 where wanted (1TU, -1FR)"
                    : $"BYDAY={text}: '{code}' is not a weekday (MO..SU): an ordinal such as 1MO is for monthly rules");
            if (!days.Contains(day)) days.Add(day);
        }
        return days;
    }

    private static IReadOnlyList<int> ByMonthDay(ContentLine line, string text)
    {
        var days = new List<int>();
        foreach (var part in text.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var day) || day is 0 or < -31 or > 31)
                throw SkipException.At(line, $"BYMONTHDAY={text}: '{part}' is not a day of the month (1 to 31, or -1 to -31 from the end)");
            if (!days.Contains(day)) days.Add(day);
        }
        return days;
    }

    /// <summary>
    /// WKST only changes which days an every-other-week rule pairs into one week. Where all its days fall on the same
    /// side of the week start, Monday weeks (the API's) pair them alike, so Outlook's WKST=SU changes nothing.
    /// </summary>
    private static void CheckWeekStart(ContentLine line, string weekStart, RecurrenceFrequency frequency, int interval, IReadOnlyList<WeekdayRule> byDay, LocalDate first)
    {
        if (WeekdayRule.Parse(weekStart, allowOrdinal: false) is not { } start) throw SkipException.At(line, $"WKST={weekStart} is not a weekday (MO..SU)");
        if (start.Day == IsoDayOfWeek.Monday || frequency != RecurrenceFrequency.Weekly || interval == 1) return;
        var days = byDay.Select(d => d.Day).Append(first.DayOfWeek).Distinct();
        if (days.Select(d => d >= start.Day).Distinct().Count() > 1)
            throw SkipException.At(line, $"WKST={weekStart} with INTERVAL={interval} and BYDAY={string.Join(',', byDay.Select(d => d.Code))} is not imported: weeks starting on {start.Day} pair these days otherwise than the Monday weeks a series is imported with");
    }

    /// <summary>
    /// The local date of the last occurrence UNTIL lets in: a UTC UNTIL (RFC 5545 wants one for a zoned DTSTART) is
    /// read in the event's zone, and a day whose occurrence would start after it is not the last.
    /// </summary>
    private static LocalDate Until(ContentLine line, string text, EventFacts facts, LocalDate first, LocalDate latest, List<string> warnings)
    {
        var value = IcsTime.Parse(text, null) ?? throw SkipException.At(line, $"UNTIL={text} is not a date or a date-time");
        var timed = facts.Timing as ImportedTiming.Timed;
        LocalDate last;
        switch (value)
        {
            case IcsTime.Date date:
                last = date.Value;
                break;
            case IcsTime.Utc utc:
                var day = utc.Value.InZone(facts.Zone).Date;
                var starts = timed is null ? day.AtStartOfDayInZone(facts.Zone).ToInstant()
                    : day.At(timed.Start.Local.TimeOfDay).InZone(facts.Zone, Resolvers.LenientResolver).ToInstant();
                last = starts > utc.Value ? day.PlusDays(-1) : day;
                break;
            default:
                var local = value is IcsTime.Floating floating ? floating.Value : ((IcsTime.Zoned)value).Value;
                last = timed is not null && timed.Start.Local.TimeOfDay > local.TimeOfDay ? local.Date.PlusDays(-1) : local.Date;
                break;
        }
        if (last < first)
        {
            warnings.Add(ImportWarnings.At(line, $"UNTIL={text} is before the first occurrence: the series is imported as that occurrence alone"));
            return first;
        }
        if (last <= latest) return last;
        warnings.Add(ImportWarnings.At(line, $"UNTIL={text} is more than five years after the first occurrence, longer than a series may run: it is imported until {TimeInput.Format(latest)}"));
        return latest;
    }

    /// <summary>
    /// RDATEs as the API's extra dates: dates in the event's zone, after the first occurrence and by the series' end,
    /// and not already rule dates. An RDATE at another time of day is still an occurrence at the series' time.
    /// </summary>
    private static IReadOnlyList<LocalDate> Extras(EventFacts facts, ImportedTiming timing, LocalDate first, LocalDate end, IReadOnlyList<LocalDate> ruleDates, List<string> warnings)
    {
        var extras = new SortedSet<LocalDate>();
        var taken = ruleDates.ToHashSet();
        foreach (var rdate in facts.RDates)
        {
            var date = TimeInput.Format(rdate.Date);
            if (rdate.Date < first)
            {
                warnings.Add(ImportWarnings.At(rdate.Source, $"{date} is before the series' first occurrence ({TimeInput.Format(first)}): left aside"));
                continue;
            }
            if (rdate.Date > end)
            {
                warnings.Add(ImportWarnings.At(rdate.Source, $"{date} is after the series' end ({TimeInput.Format(end)}): left aside"));
                continue;
            }
            if (rdate.Time is { } time && timing is ImportedTiming.AllDay)
                warnings.Add(ImportWarnings.At(rdate.Source, $"{date} has a time, but the series is all-day: the occurrence is all of {date}"));
            else if (rdate.Time is { } other && timing is ImportedTiming.Timed timed && other != timed.Start.Local.TimeOfDay)
                warnings.Add(ImportWarnings.At(rdate.Source, $"{date} at {Clock(other)} is at another time than the series ({Clock(timed.Start.Local.TimeOfDay)}): the occurrence on {date} is imported at the series' time"));
            if (!taken.Contains(rdate.Date)) extras.Add(rdate.Date);
        }
        return extras.ToArray();
    }

    private static string Clock(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Whether the zone's offset changes between the first occurrence and the last date.</summary>
    private static bool ZoneChanges(DateTimeZone zone, Instant start, LocalDate last) =>
        zone.GetZoneIntervals(start, last.PlusDays(1).AtStartOfDayInZone(zone).ToInstant()).Select(i => i.WallOffset).Distinct().Count() > 1;
}
