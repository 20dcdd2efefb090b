using System.Text.Json;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Domain.Recurrence;

namespace VisitPlanner.Core.Json;

/// <summary>
/// Reads an event's <c>recurrence</c> and <c>exceptions</c>, naming every field that is wrong. What needs the working
/// calendar (a count of workdays, whether an exception's date is a make-up day) is checked by the service after.
/// </summary>
internal static class RecurrenceJsonReader
{
    private static readonly HashSet<string> RuleFields = ["frequency", "interval", "byDay", "byMonthDay", "until", "count", "holidays", "extraDates"];
    private static readonly HashSet<string> ExceptionFields = ["date", "status", "title", "speaker", "notes", "location", "itinerary"];
    private static readonly HashSet<string> ItemOverrideFields = ["id", "start", "end"];

    public const int MaxInterval = 366;

    public static readonly IReadOnlyDictionary<string, RecurrenceFrequency> Frequencies = new Dictionary<string, RecurrenceFrequency>(StringComparer.Ordinal)
    {
        ["daily"] = RecurrenceFrequency.Daily,
        ["weekly"] = RecurrenceFrequency.Weekly,
        ["monthly"] = RecurrenceFrequency.Monthly,
        ["workdays"] = RecurrenceFrequency.Workdays,
    };

    public static readonly IReadOnlyDictionary<string, HolidayPolicy> Policies = new Dictionary<string, HolidayPolicy>(StringComparer.Ordinal)
    {
        ["skip"] = HolidayPolicy.Skip,
        ["nextWorkday"] = HolidayPolicy.NextWorkday,
        ["keep"] = HolidayPolicy.Keep,
    };

    /// <summary>The rule, or null when the body has none or it is wrong (then with errors). <paramref name="first"/>: the template's date.</summary>
    public static RecurrenceRule? ReadRule(JsonFieldReader reader, JsonElement root, LocalDate? first)
    {
        if (reader.Object(root, "recurrence", "", required: false) is not { } obj) return null;
        const string path = "recurrence";
        var mark = reader.Mark;
        reader.RejectUnknown(obj, path, RuleFields);
        var frequency = Choice(reader, obj, path, "frequency", Frequencies, required: true);
        var interval = reader.Integer(obj, "interval", path, 1, MaxInterval);
        if (frequency == RecurrenceFrequency.Workdays && interval is > 1)
            reader.Fail($"{path}.interval", "must be 1 (or left out) for workdays: a workdays series meets every working day");
        var byDay = ReadByDay(reader, obj, path, frequency);
        var byMonthDay = ReadByMonthDay(reader, obj, path, frequency);
        if (byDay.Count > 0 && byMonthDay.Count > 0) reader.Fail($"{path}.byMonthDay", "give byDay or byMonthDay, not both");
        var until = Date(reader, obj, path, "until");
        var count = reader.Integer(obj, "count", path, 1, RecurrenceRule.MaxOccurrences);
        var untilGiven = JsonFieldReader.Find(obj, "until") is not null;
        var countGiven = JsonFieldReader.Find(obj, "count") is not null;
        if (untilGiven && countGiven) reader.Fail($"{path}.until", "give until or count, not both");
        else if (!untilGiven && !countGiven) reader.Fail($"{path}.until", "is required (or count): a series needs an end, at most 5 years after its first occurrence");
        var holidays = Choice(reader, obj, path, "holidays", Policies, required: false) ?? HolidayPolicy.Skip;
        if (frequency == RecurrenceFrequency.Workdays && JsonFieldReader.Find(obj, "holidays") is not null && holidays != HolidayPolicy.Skip)
            reader.Fail($"{path}.holidays", "a workdays series never meets on a day off; leave holidays out (or use skip), or use weekly with byDay MO–FR to meet on holidays too");
        var extraDates = ReadExtraDates(reader, obj, path);
        if (reader.Mark != mark || frequency is null || first is not { } start) return null;

        var rule = new RecurrenceRule(frequency.Value, interval ?? 1, byDay, byMonthDay, until, count, holidays, extraDates);
        return Bounded(reader, rule, start) ? rule : null;
    }

    /// <summary>The checks that need the whole rule and its first date: it meets on that date, it ends after it and within 5 years, it has at most 1,000 occurrences.</summary>
    private static bool Bounded(JsonFieldReader reader, RecurrenceRule rule, LocalDate first)
    {
        const string path = "recurrence";
        var mark = reader.Mark;
        var latest = first.Plus(RecurrenceRule.MaxSpan);
        if (!RuleDates.Meets(rule, first))
            reader.Fail(rule.ByMonthDay.Count > 0 ? $"{path}.byMonthDay" : rule.ByDay.Count > 0 ? $"{path}.byDay" : $"{path}.frequency",
                rule.Frequency == RecurrenceFrequency.Workdays
                    ? $"a workdays series starts on a weekday, Monday to Friday (its rule in feeds is weekly on MO–FR), and the itinerary's date {TimeInput.Format(first)} is a {first.DayOfWeek}; start it on the next weekday (make-up working days inside the series are met)"
                    : $"the first occurrence is the itinerary's date, {TimeInput.Format(first)} ({first.DayOfWeek}), which this rule does not meet; start the itinerary on a day the rule meets");
        if (rule.Until is { } until && until < first)
            reader.Fail($"{path}.until", $"{TimeInput.Format(until)} is before the first occurrence, {TimeInput.Format(first)} (the itinerary's date)");
        if (rule.Until is { } end && end > latest)
            reader.Fail($"{path}.until", $"{TimeInput.Format(end)} is more than 5 years after the first occurrence ({TimeInput.Format(first)}); a series may reach {TimeInput.Format(latest)} at most");
        foreach (var (date, i) in rule.ExtraDates.Select((d, i) => (d, i)))
        {
            if (date <= first || date > latest || rule.Until is { } last && date > last)
                reader.Fail($"{path}.extraDates[{i}]", $"{TimeInput.Format(date)} must lie after the first occurrence ({TimeInput.Format(first)}) and within the series' end");
        }
        if (reader.Mark != mark) return false;
        // The rule's dates within five years (a count of workdays counted as weekdays here; the service counts the days worked).
        var dates = RuleDates.Generate(rule, first);
        if (rule.Frequency == RecurrenceFrequency.Workdays && rule.Count is { } workdays) dates = dates.Take(workdays);
        var generated = dates.Take(RecurrenceRule.MaxOccurrences + 1).Count();
        if (rule.Count is { } count && generated < count)
            reader.Fail($"{path}.count", $"{count} occurrences reach more than 5 years past the first ({TimeInput.Format(first)}); a series may reach {TimeInput.Format(latest)} at most");
        else if (generated + rule.ExtraDates.Count > RecurrenceRule.MaxOccurrences)
            reader.Fail(rule.Until is null ? $"{path}.count" : $"{path}.until", $"the series would have more than {RecurrenceRule.MaxOccurrences} occurrences; end it earlier or meet less often");
        return reader.Mark == mark;
    }

    private static IReadOnlyList<WeekdayRule> ReadByDay(JsonFieldReader reader, JsonElement obj, string path, RecurrenceFrequency? frequency)
    {
        if (JsonFieldReader.Find(obj, "byDay") is null) return [];
        if (frequency is RecurrenceFrequency.Daily or RecurrenceFrequency.Workdays)
        {
            reader.Fail($"{path}.byDay", frequency == RecurrenceFrequency.Daily
                ? "a daily series meets every day (or every interval days); byDay is for weekly and monthly series"
                : "a workdays series meets on the working days of China's calendar; byDay is for weekly and monthly series");
            return [];
        }
        var elements = reader.Array(obj, "byDay", path, required: false, 35);
        if (elements is null) return [];
        var days = new List<WeekdayRule>();
        for (var i = 0; i < elements.Count; i++)
        {
            var itemPath = $"{path}.byDay[{i}]";
            var text = reader.Text(elements[i], itemPath, required: true, TextRules.Token);
            if (text is null) continue;
            if (WeekdayRule.Parse(text, allowOrdinal: frequency == RecurrenceFrequency.Monthly) is not { } day)
                reader.Fail(itemPath, frequency == RecurrenceFrequency.Monthly
                    ? $"'{text}' is not a weekday: use MO, TU, WE, TH, FR, SA or SU, optionally after 1 to 5 or -1 to -5 (1TU: the first Tuesday, -1FR: the last Friday)"
                    : $"'{text}' is not a weekday: use MO, TU, WE, TH, FR, SA or SU");
            else if (days.Contains(day)) reader.Fail(itemPath, $"'{text}' is listed twice");
            else days.Add(day);
        }
        if (elements.Count == 0) reader.Fail($"{path}.byDay", "must name at least one weekday, or be left out");
        return days;
    }

    private static IReadOnlyList<int> ReadByMonthDay(JsonFieldReader reader, JsonElement obj, string path, RecurrenceFrequency? frequency)
    {
        if (JsonFieldReader.Find(obj, "byMonthDay") is null) return [];
        if (frequency is not RecurrenceFrequency.Monthly and not null)
        {
            reader.Fail($"{path}.byMonthDay", "is for monthly series only");
            return [];
        }
        var elements = reader.Array(obj, "byMonthDay", path, required: false, 31);
        if (elements is null) return [];
        var days = new List<int>();
        for (var i = 0; i < elements.Count; i++)
        {
            var itemPath = $"{path}.byMonthDay[{i}]";
            if (elements[i].ValueKind != JsonValueKind.Number || !elements[i].TryGetInt32(out var day) || day is 0 or < -31 or > 31)
                reader.Fail(itemPath, "must be a day of the month, 1 to 31, or -1 (the last day) to -31");
            else if (days.Contains(day)) reader.Fail(itemPath, $"{day} is listed twice");
            else days.Add(day);
        }
        if (elements.Count == 0) reader.Fail($"{path}.byMonthDay", "must name at least one day, or be left out");
        return days;
    }

    private static IReadOnlyList<LocalDate> ReadExtraDates(JsonFieldReader reader, JsonElement obj, string path)
    {
        if (JsonFieldReader.Find(obj, "extraDates") is null) return [];
        var elements = reader.Array(obj, "extraDates", path, required: false, RecurrenceRule.MaxOccurrences);
        if (elements is null) return [];
        var dates = new List<LocalDate>();
        for (var i = 0; i < elements.Count; i++)
        {
            var itemPath = $"{path}.extraDates[{i}]";
            if (DateValue(reader, elements[i], itemPath) is not { } date) continue;
            if (dates.Contains(date)) reader.Fail(itemPath, $"{TimeInput.Format(date)} is listed twice");
            else dates.Add(date);
        }
        return dates.Order().ToArray();
    }

    /// <summary>
    /// The organizer's exceptions; each names an occurrence by its original date and either cancels it or overrides it.
    /// <paramref name="template"/> gives the item ids an override may retime.
    /// </summary>
    public static IReadOnlyList<OccurrenceException> ReadExceptions(JsonFieldReader reader, JsonElement root, bool recurring, IReadOnlyList<ItineraryItem>? template)
    {
        if (JsonFieldReader.Find(root, "exceptions") is null) return [];
        if (!recurring)
        {
            reader.Fail("exceptions", "are for recurring events only: give recurrence, or leave exceptions out");
            return [];
        }
        var elements = reader.Array(root, "exceptions", "", required: false, RecurrenceRule.MaxOccurrences);
        if (elements is null) return [];
        var exceptions = new List<OccurrenceException>();
        for (var i = 0; i < elements.Count; i++)
        {
            var path = $"exceptions[{i}]";
            if (elements[i].ValueKind != JsonValueKind.Object)
            {
                reader.Fail(path, $"must be an object, not {JsonFieldReader.Describe(elements[i])}");
                continue;
            }
            if (ReadException(reader, elements[i], path, template) is not { } exception) continue;
            if (exceptions.Any(e => e.Date == exception.Date)) reader.Fail($"{path}.date", $"{TimeInput.Format(exception.Date)} has another exception already");
            else exceptions.Add(exception);
        }
        return exceptions.OrderBy(e => e.Date).ToArray();
    }

    /// <summary>One exception: the body of <c>PUT …/occurrences/{date}</c>, or an entry of <c>exceptions</c> (with its <c>date</c>).</summary>
    public static OccurrenceException? ReadException(JsonFieldReader reader, JsonElement obj, string path, IReadOnlyList<ItineraryItem>? template, LocalDate? date = null)
    {
        var mark = reader.Mark;
        reader.RejectUnknown(obj, path, date is null ? ExceptionFields : ExceptionFields.Where(f => f != "date").ToHashSet());
        if (date is null)
        {
            var datePath = JsonFieldReader.PathOf(path, "date");
            if (JsonFieldReader.Find(obj, "date") is not { } value) reader.Fail(datePath, "is required: the occurrence's original date, such as 2026-10-05");
            else date = DateValue(reader, value, datePath);
        }
        var status = reader.String(obj, "status", path, required: false, TextRules.Token);
        if (status is not null and not "cancelled")
            reader.Fail(JsonFieldReader.PathOf(path, "status"), $"'{status}' is not one an occurrence can be given: use 'cancelled', or 'scheduled' alone to undo a cancellation or override (leave status out to override fields)");
        var title = reader.String(obj, "title", path, required: false, TextRules.Title);
        var speaker = reader.String(obj, "speaker", path, required: false, TextRules.Name);
        var notes = reader.String(obj, "notes", path, required: false, TextRules.LongText);
        var location = EventJsonReader.ReadPlace(reader, obj, path);
        var items = ReadItemOverrides(reader, obj, path, template);
        var cancelled = status == "cancelled";
        var overrides = title is not null || speaker is not null || notes is not null || location is not null || items.Count > 0;
        if (cancelled && overrides) reader.Fail(JsonFieldReader.PathOf(path, "status"), "a cancelled occurrence takes no other fields");
        if (!cancelled && !overrides && reader.Mark == mark)
            reader.Fail(path.Length == 0 ? "$" : path, "says nothing: give status 'cancelled', or title, speaker, notes, location or itinerary to override");
        if (reader.Mark != mark || date is null) return null;
        return new OccurrenceException(date.Value, cancelled, title, speaker, notes, location) { Items = items };
    }

    private static IReadOnlyList<ItemTimeOverride> ReadItemOverrides(JsonFieldReader reader, JsonElement obj, string path, IReadOnlyList<ItineraryItem>? template)
    {
        if (JsonFieldReader.Find(obj, "itinerary") is null) return [];
        var elements = reader.Array(obj, "itinerary", path, required: false, EventJsonReader.MaxItineraryItems);
        if (elements is null) return [];
        var overrides = new List<ItemTimeOverride>();
        for (var i = 0; i < elements.Count; i++)
        {
            var itemPath = JsonFieldReader.PathOf(JsonFieldReader.PathOf(path, "itinerary"), i);
            if (elements[i].ValueKind != JsonValueKind.Object)
            {
                reader.Fail(itemPath, $"must be an object, not {JsonFieldReader.Describe(elements[i])}");
                continue;
            }
            reader.RejectUnknown(elements[i], itemPath, ItemOverrideFields);
            var id = reader.String(elements[i], "id", itemPath, required: true, TextRules.Token);
            if (id is null || template is null) continue;
            var item = template.FirstOrDefault(t => t.Id == id);
            if (item is null)
            {
                reader.Fail(JsonFieldReader.PathOf(itemPath, "id"), $"'{id}' is not an item of the template itinerary (its ids: {string.Join(", ", template.Select(t => t.Id))})");
                continue;
            }
            if (overrides.Any(o => o.ItemId == id))
            {
                reader.Fail(JsonFieldReader.PathOf(itemPath, "id"), $"item '{id}' is given twice");
                continue;
            }
            if (EventJsonReader.ReadTiming(reader, elements[i], itemPath, item.Timing.Zone) is not { } timing) continue;
            if (timing.IsAllDay != item.Timing.IsAllDay)
                reader.Fail(JsonFieldReader.PathOf(itemPath, "start"), item.Timing.IsAllDay ? "must be a date, as the template item is all-day" : "must be a date-time, as the template item has times");
            else overrides.Add(new ItemTimeOverride(id, timing));
        }
        return overrides;
    }

    private static T? Choice<T>(JsonFieldReader reader, JsonElement obj, string path, string name, IReadOnlyDictionary<string, T> choices, bool required) where T : struct
    {
        var text = reader.String(obj, name, path, required, TextRules.Token);
        if (text is null) return null;
        if (choices.TryGetValue(text, out var value)) return value;
        reader.Fail(JsonFieldReader.PathOf(path, name), $"'{text}' is not one of: {string.Join(", ", choices.Keys)}");
        return null;
    }

    private static LocalDate? Date(JsonFieldReader reader, JsonElement obj, string path, string name) =>
        JsonFieldReader.Find(obj, name) is { } value ? DateValue(reader, value, JsonFieldReader.PathOf(path, name)) : null;

    private static LocalDate? DateValue(JsonFieldReader reader, JsonElement value, string path)
    {
        var text = reader.Text(value, path, required: true, TextRules.Time);
        if (text is null) return null;
        if (text.Length == 10 && TimeInput.Parse(text) is TimeInput.Date date) return date.Value;
        reader.Fail(path, $"'{text}' is not a date such as 2026-10-05");
        return null;
    }
}
