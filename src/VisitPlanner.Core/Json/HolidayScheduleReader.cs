using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using VisitPlanner.Core.Holidays;

namespace VisitPlanner.Core.Json;

/// <summary>
/// Reads a State Council holiday schedule in the holiday-cn format (<c>{"year","papers","days":[{"name","date","isOffDay"}]}</c>),
/// naming every field that is wrong. A schedule decides which days a series meets on, so whatever could not be a real
/// notice is refused rather than guessed at: a wrong year, a date listed twice, a date far outside the year, a
/// "working day" on a weekday.
/// </summary>
public static class HolidayScheduleReader
{
    /// <summary>Every day of a year, at most; a real notice lists about 35.</summary>
    public const int MaxDays = 366;

    /// <summary>The notices a schedule may cite; one is usual, a correction makes two.</summary>
    public const int MaxPapers = 20;

    /// <summary>"国庆节、中秋节" is 7; the longest a joint holiday's name plausibly gets, with room to spare.</summary>
    public const int MaxNameLength = 50;

    private static readonly TextRules NameRules = new(MaxNameLength);
    private static readonly TextRules DateRules = new(10, Formatted: true);
    private static readonly TextRules PaperRules = new(EventJsonReader.MaxUrlLength, Formatted: true);

    // "$schema" and "$id" are how holiday-cn files name their format; accepted and not kept.
    private static readonly HashSet<string> Fields = ["$schema", "$id", "year", "papers", "days"];
    private static readonly HashSet<string> DayFields = ["name", "date", "isOffDay"];

    /// <summary>
    /// The earliest date the schedule of <paramref name="year"/> may list: 15 December of the year before, since a break
    /// spanning New Year may be announced in the next year's notice (a fortnight covers any New Year break and its make-up days).
    /// </summary>
    public static LocalDate WindowStart(int year) => new(year - 1, 12, 15);

    /// <summary>The latest date the schedule of <paramref name="year"/> may list: 15 January of the year after, for the same break announced a year early.</summary>
    public static LocalDate WindowEnd(int year) => new(year + 1, 1, 15);

    /// <summary>The schedule a body describes, for the year its URL names, or every error.</summary>
    public static (HolidaySchedule? Schedule, IReadOnlyList<FieldError> Errors) Read(JsonElement root, int year)
    {
        var reader = new JsonFieldReader();
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Fail("$", $"the body must be a JSON object in the holiday-cn format ({{\"year\":{year},\"papers\":[…],\"days\":[…]}}), not {JsonFieldReader.Describe(root)}");
            return (null, reader.Errors);
        }
        reader.RejectUnknown(root, "", Fields);
        foreach (var name in new[] { "$schema", "$id" })
        {
            if (JsonFieldReader.Find(root, name) is { } value && value.ValueKind != JsonValueKind.String)
                reader.Fail(name, $"must be a string (the format's URL), not {JsonFieldReader.Describe(value)}");
        }
        // A file sent to another year's URL would fail every date too: saying so once is the useful answer.
        var otherYear = !ReadYear(reader, root, year);
        var papers = ReadPapers(reader, root);
        var days = ReadDays(reader, root, year, checkWindow: !otherYear);
        return reader.HasErrors ? (null, reader.Errors) : (new HolidaySchedule(year, papers!, days!), []);
    }

    /// <summary>False when the body names another year than the URL.</summary>
    private static bool ReadYear(JsonFieldReader reader, JsonElement root, int year)
    {
        if (JsonFieldReader.Find(root, "year") is null)
        {
            reader.Fail("year", $"is required, and must be {year}, the year in the URL");
            return true;
        }
        if (reader.Integer(root, "year", "", 1, 9999) is not { } given || given == year) return true;
        reader.Fail("year", $"is {given}, but the URL names {year}: PUT a schedule to its own year's URL (…/holidays/cn/{given})");
        return false;
    }

    private static IReadOnlyList<string>? ReadPapers(JsonFieldReader reader, JsonElement root)
    {
        if (reader.Array(root, "papers", "", required: true, MaxPapers) is not { } elements) return null;
        var papers = new List<string>();
        for (var i = 0; i < elements.Count; i++)
        {
            var path = JsonFieldReader.PathOf("papers", i);
            if (reader.Text(elements[i], path, required: true, PaperRules) is not { } text) continue;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !string.IsNullOrEmpty(uri.Host) && !text.Any(char.IsWhiteSpace))
                papers.Add(text);
            else reader.Fail(path, "must be the notice's absolute http(s) URL, such as https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm");
        }
        return papers;
    }

    private static IReadOnlyList<HolidayDay>? ReadDays(JsonFieldReader reader, JsonElement root, int year, bool checkWindow)
    {
        if (reader.Array(root, "days", "", required: true, MaxDays) is not { } elements) return null;
        if (elements.Count == 0)
        {
            reader.Fail("days", "must list at least one day: a schedule without days would say the year has no holidays");
            return null;
        }
        var days = new List<HolidayDay>();
        var seen = new Dictionary<LocalDate, int>();
        for (var i = 0; i < elements.Count; i++)
        {
            var path = JsonFieldReader.PathOf("days", i);
            if (elements[i].ValueKind != JsonValueKind.Object)
            {
                reader.Fail(path, $"must be an object {{\"name\",\"date\",\"isOffDay\"}}, not {JsonFieldReader.Describe(elements[i])}");
                continue;
            }
            var day = ReadDay(reader, elements[i], path, year, checkWindow);
            if (day is null) continue;
            if (seen.TryGetValue(day.Date, out var first))
            {
                reader.Fail($"{path}.date", $"{TimeInput.Format(day.Date)} is listed already, at days[{first}]; list each date once");
                continue;
            }
            seen.Add(day.Date, i);
            days.Add(day);
        }
        return days;
    }

    private static HolidayDay? ReadDay(JsonFieldReader reader, JsonElement obj, string path, int year, bool checkWindow)
    {
        var mark = reader.Mark;
        reader.RejectUnknown(obj, path, DayFields);
        var name = reader.String(obj, "name", path, required: true, NameRules);
        var date = ReadDate(reader, obj, path, year, checkWindow);
        bool? isOffDay = null;
        var offPath = JsonFieldReader.PathOf(path, "isOffDay");
        if (JsonFieldReader.Find(obj, "isOffDay") is not { } off) reader.Fail(offPath, "is required: true for a day off, false for a weekend day worked (调休上班)");
        else if (off.ValueKind is JsonValueKind.True or JsonValueKind.False) isOffDay = off.GetBoolean();
        else reader.Fail(offPath, $"must be true or false, not {JsonFieldReader.Describe(off)}");
        // Monday to Friday are working days anyway: a make-up working day the notice lists is always a weekend day.
        if (date is { } worked && isOffDay == false && worked.DayOfWeek < IsoDayOfWeek.Saturday)
            reader.Fail(offPath, $"is false (a make-up working day, 调休上班), but {TimeInput.Format(worked)} is a {worked.DayOfWeek}: a make-up working day is a Saturday or Sunday");
        if (reader.Mark != mark || name is null || date is null || isOffDay is null) return null;
        return new HolidayDay(date.Value, name, isOffDay.Value);
    }

    private static LocalDate? ReadDate(JsonFieldReader reader, JsonElement obj, string path, int year, bool checkWindow)
    {
        var datePath = JsonFieldReader.PathOf(path, "date");
        if (reader.String(obj, "date", path, required: true, DateRules) is not { } text) return null;
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (text.Length != 10 || !parsed.Success)
        {
            reader.Fail(datePath, $"'{text}' is not a date; use an ISO 8601 date such as {year.ToString(CultureInfo.InvariantCulture)}-10-01");
            return null;
        }
        var date = parsed.Value;
        var (from, to) = (WindowStart(year), WindowEnd(year));
        if (checkWindow && (date < from || date > to))
        {
            reader.Fail(datePath, $"{TimeInput.Format(date)} is outside {year.ToString(CultureInfo.InvariantCulture)}'s schedule: a schedule lists days of its year, "
                + $"and of a break spanning New Year, from {TimeInput.Format(from)} to {TimeInput.Format(to)}");
            return null;
        }
        return date;
    }
}
