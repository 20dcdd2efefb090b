namespace VisitPlanner.Functions.Tests.Http;

/// <summary>Every field of every body with every wrong type, huge numbers and strings, and dates no reading of ISO 8601 accepts.</summary>
internal sealed partial class HostileRequests
{
    private enum Kind
    {
        Str,
        Num,
        Bool,
        Arr,
        Obj,
    }

    /// <summary>A field and the JSON type it takes. <paramref name="NullRefused"/>: null is an error (required, an array element, or one of lat/lon).</summary>
    private sealed record Field(string Path, Kind Kind, bool NullRefused, bool MultiLine = false, bool PutOnly = false);

    private static readonly Field[] EventFields =
    [
        new("kind", Kind.Str, true), new("title", Kind.Str, true), new("description", Kind.Str, false, MultiLine: true),
        new("timeZone", Kind.Str, false), new("calendars", Kind.Arr, true), new("calendars[0]", Kind.Str, true),
        new("organizer", Kind.Obj, true), new("organizer.name", Kind.Str, true), new("organizer.organization", Kind.Str, false),
        new("organizer.email", Kind.Str, false), new("participants", Kind.Arr, false), new("participants[0]", Kind.Obj, true),
        // participants[0] names a person (personId), so its name may be left out: participants[1] has none.
        new("participants[1].name", Kind.Str, true), new("participants[0].title", Kind.Str, false), new("participants[0].organization", Kind.Str, false),
        new("participants[0].role", Kind.Str, false), new("participants[0].email", Kind.Str, false), new("participants[0].personId", Kind.Str, false),
        new("itinerary", Kind.Arr, true), new("itinerary[#]", Kind.Obj, true), new("itinerary[#].id", Kind.Str, false),
        new("itinerary[#].title", Kind.Str, true), new("itinerary[#].start", Kind.Str, true), new("itinerary[#].end", Kind.Str, true),
        new("itinerary[#].timeZone", Kind.Str, false), new("itinerary[#].location", Kind.Obj, false), new("itinerary[#].location.name", Kind.Str, true),
        new("itinerary[#].location.city", Kind.Str, false), new("itinerary[0].location.address", Kind.Str, false),
        new("itinerary[0].location.lat", Kind.Num, true), new("itinerary[0].location.lon", Kind.Num, true),
        new("itinerary[#].notes", Kind.Str, false, MultiLine: true), new("itinerary[#].onlineUrl", Kind.Str, false), new("itinerary[1].participants", Kind.Arr, false),
        new("itinerary[1].participants[0]", Kind.Obj, true), new("itinerary[1].participants[0].name", Kind.Str, true),
        new("itinerary[1].participants[0].role", Kind.Str, false), new("speaker", Kind.Str, false), new("series", Kind.Str, false),
        new("sessionNumber", Kind.Num, false), new("status", Kind.Str, false),
        // Server-owned fields are ignored on POST; on PUT, id must match the URL.
        new("id", Kind.Str, false, PutOnly: true),
    ];

    private static readonly Field[] CalendarFields =
    [
        new("name", Kind.Str, true), new("description", Kind.Str, false, MultiLine: true), new("timeZone", Kind.Str, false),
        new("visibility", Kind.Str, false), new("banners", Kind.Bool, false), new("alarmMinutesBefore", Kind.Num, false),
        new("refreshMinutes", Kind.Num, false), new("colors", Kind.Obj, false), new("id", Kind.Str, false),
    ];

    private static readonly Field[] PersonFields =
    [
        new("name", Kind.Str, true), new("title", Kind.Str, false), new("organization", Kind.Str, false), new("email", Kind.Str, false),
        new("timeZone", Kind.Str, false), new("id", Kind.Str, false),
    ];

    private static readonly Field[] SubscriptionFields = [new("label", Kind.Str, true), new("expiresAt", Kind.Str, false)];

    private static readonly Dictionary<Kind, string[]> WrongValues = new()
    {
        [Kind.Str] = ["\"42\"", "\"\"", "\"true\"", "\"null\"", "\"NaN\"", "\"[]\"", "\"{}\""],
        [Kind.Num] = ["0", "42", "-1.5", "1e309", "-1e400", "99999999999999999999999", "3.14159"],
        [Kind.Bool] = ["true", "false"],
        [Kind.Arr] = ["[]", "[\"x\"]", "[null]", "[1,2,3]", "[[]]", "[{}]"],
        [Kind.Obj] = ["{}", "{\"name\":\"x\"}", "{\"0\":\"a\"}", "{\"$type\":\"System.IO.FileInfo, System.IO\"}"],
    };

    private string Resolve(string path) => path.Replace("[#]", $"[{_random.Next(6)}]");

    private void WrongTypes()
    {
        foreach (var (target, fields) in new[] { (Target.Event, EventFields), (Target.Calendar, CalendarFields), (Target.Person, PersonFields), (Target.Subscription, SubscriptionFields) })
        {
            foreach (var field in fields)
            {
                foreach (var kind in Enum.GetValues<Kind>().Where(k => k != field.Kind))
                {
                    var path = Resolve(field.Path);
                    var value = Pick(WrongValues[kind]);
                    Send("wrong type", $"{target} {path} := {value}", target, BaseDoc(target).Raw(path, value).Bytes(Chance(0.7)), putOnly: field.PutOnly);
                }
                if (field.NullRefused)
                {
                    var path = Resolve(field.Path);
                    Send("wrong type", $"{target} {path} := null", target, BaseDoc(target).Raw(path, "null").Bytes(), putOnly: field.PutOnly);
                }
            }
        }
    }

    private void HugeNumbers()
    {
        const string category = "huge numbers";
        string[] outOfRange = ["1e309", "-1e400", "99999999999999999999999", "-99999999999999999999999", "1.7976931348623157e309"];
        string[] notJsonNumbers = ["NaN", "-NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10", "1e", "--1", "1_000", "١٢"];
        foreach (var (path, limits) in new[] { ("itinerary[0].location.lat", new[] { "90.0000001", "-90.0000001", "91" }), ("itinerary[0].location.lon", new[] { "180.0000001", "-180.0000001", "-181" }) })
        {
            foreach (var value in outOfRange.Concat(limits).Concat(["\"NaN\"", "\"Infinity\"", "\"35.7\""]))
                Send(category, $"event {path} := {value}", Target.Event, EventDoc().Raw(path, value).Bytes());
            Send(category, $"event {path} := 1 followed by 200,000 zeros", Target.Event, EventDoc().Raw(path, "1" + new string('0', 200_000)).Bytes());
        }
        foreach (var value in outOfRange.Concat(["0", "-1", "100001", "2147483648", "-2147483649", "1.5", "\"NaN\"", "\"21\""]))
            Send(category, $"event sessionNumber := {value}", Target.Event, EventDoc().Raw("sessionNumber", value).Bytes());
        Send(category, "event sessionNumber := 150,000 nines", Target.Event, EventDoc().Raw("sessionNumber", new string('9', 150_000)).Bytes());
        foreach (var value in notJsonNumbers)
        {
            var path = Pick(new[] { "itinerary[0].location.lat", "sessionNumber", "title" });
            var name = $"event {path} := {value} (not a JSON number)";
            Send(category, name, Target.Event, MustNotParse(EventDoc().Raw(path, value).Bytes(), name));
        }
        foreach (var path in new[] { "title", "kind", "calendars[0]", "itinerary[2].start", "organizer.name" })
        {
            var value = Pick(outOfRange);
            Send(category, $"event {path} := {value}", Target.Event, EventDoc().Raw(path, value).Bytes());
        }
        foreach (var value in outOfRange.Concat(["14", "1441", "0", "-1", "2147483648", "15.5", "\"60\"", "\"NaN\""]))
            Send(category, $"calendar refreshMinutes := {value}", Target.Calendar, new Doc(CalendarBase()).Raw("refreshMinutes", value).Bytes());
        foreach (var value in outOfRange.Concat(["-1", "10081", "2.5", "\"30\""]))
            Send(category, $"calendar alarmMinutesBefore := {value}", Target.Calendar, new Doc(CalendarBase()).Raw("alarmMinutesBefore", value).Bytes());
        Send(category, "calendar refreshMinutes := NaN (bare)", Target.Calendar, MustNotParse(new Doc(CalendarBase()).Raw("refreshMinutes", "NaN").Bytes(), "bare NaN"));
        Send(category, "person name := 1e309", Target.Person, new Doc(PersonBase()).Raw("name", "1e309").Bytes());
        Send(category, "subscription label := 99999999999999999999999", Target.Subscription, new Doc(SubscriptionBase()).Raw("label", "99999999999999999999999").Bytes());
        Send(category, "subscription expiresAt := 1e309", Target.Subscription, new Doc(SubscriptionBase()).Raw("expiresAt", "1e309").Bytes());
    }

    private void HugeStrings()
    {
        const string category = "huge strings";
        var mib = new string('考', 1024 * 1024 / 3 + 1); // just over 1 MiB of UTF-8
        var kib300 = new string('a', 300 * 1024);
        Send(category, "event title of 1 MiB", Target.Event, EventDoc().Set("title", mib).Bytes());
        Send(category, "event title of 1 MiB, chunked (no Content-Length)", Target.Event, EventDoc().Set("title", mib).Bytes(), chunked: true);
        Send(category, "event description of 300 KiB", Target.Event, EventDoc().Set("description", kib300).Bytes());
        Send(category, "event description of 300 KiB, chunked", Target.Event, EventDoc().Set("description", kib300).Bytes(), chunked: true);
        Send(category, "item notes of 300 KiB", Target.Event, EventDoc().Set("itinerary[5].notes", kib300).Bytes());
        Send(category, "calendar name of 1 MiB", Target.Calendar, new Doc(CalendarBase()).Set("name", mib).Bytes());
        Send(category, "calendar description of 300 KiB", Target.Calendar, new Doc(CalendarBase()).Set("description", kib300).Bytes(), chunked: true);
        Send(category, "person name of 1 MiB", Target.Person, new Doc(PersonBase()).Set("name", mib).Bytes());
        Send(category, "subscription label of 1 MiB", Target.Subscription, new Doc(SubscriptionBase()).Set("label", mib).Bytes());
        Send(category, "4 MiB of spaces", Target.Event, Utf8(new string(' ', 4 * 1024 * 1024)), chunked: Chance(0.5));

        // Right at the limit: one byte over is 413; exactly the limit is read and refused for the description's length.
        var skeleton = EventDoc().Set("description", "").Bytes().Length;
        Send(category, $"event body of exactly {MaxBytes + 1} bytes", Target.Event, EventDoc().Set("description", new string('a', MaxBytes + 1 - skeleton)).Bytes());
        Send(category, $"event body of exactly {MaxBytes} bytes (description too long)", Target.Event, EventDoc().Set("description", new string('a', MaxBytes - skeleton)).Bytes());

        // Under the body limit but over a field's.
        var emoji = string.Concat(Enumerable.Repeat("🚀", 200));
        (string Path, string Value)[] over =
        [
            ("title", new string('考', 201)), ("title", emoji + "x"), ("description", new string('d', 8001)), ("itinerary[5].notes", new string('n', 8001)),
            ("itinerary[2].location.name", new string('l', 501)), ("organizer.name", new string('o', 201)), ("participants[3].name", new string('p', 201)),
            ("calendars[0]", new string('c', 65)), ("calendars[0]", new string('c', 129)), ("itinerary[1].id", new string('i', 65)),
            ("participants[0].personId", new string('p', 65)), ("kind", new string('k', 10_000)), ("timeZone", new string('z', 10_000)),
            ("organizer.email", new string('e', 250) + "@x.cn"), ("itinerary[0].start", "2025-10-15T08:30" + new string('0', 40)),
        ];
        foreach (var (path, value) in over)
            Send(category, $"event {path} of {value.EnumerateRunes().Count()} code points", Target.Event, EventDoc().Set(path, value).Bytes());
        Send(category, "calendar name of 201", Target.Calendar, new Doc(CalendarBase()).Set("name", new string('名', 201)).Bytes());
        Send(category, "calendar description of 8001", Target.Calendar, new Doc(CalendarBase()).Set("description", new string('d', 8001)).Bytes());
        Send(category, "person name of 201", Target.Person, new Doc(PersonBase()).Set("name", new string('名', 201)).Bytes());
        Send(category, "person email of 255", Target.Person, new Doc(PersonBase()).Set("email", new string('e', 250) + "@x.cn").Bytes());
        Send(category, "subscription label of 201", Target.Subscription, new Doc(SubscriptionBase()).Set("label", new string('l', 201)).Bytes());
        Send(category, "subscription expiresAt of 41", Target.Subscription, new Doc(SubscriptionBase()).Set("expiresAt", "2099-12-31T16:00:00Z" + new string('0', 21)).Bytes());
    }

    /// <summary>Dates no reading of ISO 8601 accepts (not "T24:00", which ISO 8601:2004 allows as the end of a day, and NodaTime reads so).</summary>
    private static readonly string[] BadDates =
    [
        "2025-02-30", "2025-02-29", "2025-13-01", "2025-00-10", "2025-10-32", "2025-10-00", "0000-01-01", "9999-12-31", "9999-12-31T23:59:60",
        "2025-10-15T23:59:60", "2025-10-15T25:00", "2025-10-15T08:60", "2025-10-15T08:30+25:00", "2025-10-15T08:30-19:00",
        "2025-10-15T08:30+08:60", "2025-10-15T08:30:00+99:99", "2025-10-15 08:30", "2025 -10-15", "2025-10-15T08: 30", "2025-10- 15",
        "2025-10-15T 08:30", "20251015", "2025/10/15", "15.10.2025", "2025-10-15T8:30", "25-10-15", "2025-W42-3", "2025-288",
        "2025-10-15T08:30Z+08:00", "2025-10-15TT08:30", "２０２５-１０-１５", "-2025-10-15", "+2025-10-15", "1899-12-31", "2201-01-01",
        "1899-12-31T23:59", "2201-01-01T00:00Z", "today", "now", "", "   ", "null", "2025-10-15T08:30:00+08:00 extra",
        "0001-01-01T00:00:00Z", "2025-10-15T08:30+8:00", "2025-10-15T08:30 +08:00", "2025-10-15T08:30:00 Z",
    ];

    private void Dates()
    {
        const string category = "invalid dates";
        foreach (var value in BadDates)
        {
            var item = _random.Next(6);
            var field = Chance(0.5) ? "start" : "end";
            Send(category, $"itinerary[{item}].{field} := '{value}'", Target.Event, EventDoc().Set($"itinerary[{item}].{field}", value).Bytes());
        }
        for (var i = 0; i < 8; i++)
        {
            var value = Pick(BadDates);
            var item = _random.Next(6);
            Send(category, $"itinerary[{item}] all-day with start := '{value}'", Target.Event,
                EventDoc().Set($"itinerary[{item}].start", value).Set($"itinerary[{item}].end", "2025-10-16").Bytes());
        }
        (string Start, string End, string Why)[] pairs =
        [
            ("2025-10-15", "2025-10-15T10:00", "all-day start, timed end"), ("2025-10-15T10:00", "2025-10-16", "timed start, all-day end"),
            ("2025-10-16", "2025-10-15", "all-day end before start"), ("2025-10-15T10:00", "2025-10-15T09:59", "end a minute before start"),
            ("2025-10-15T10:00+08:00", "2025-10-15T01:59Z", "end before start across offsets"), ("2025-10-15", "2026-01-16", "93 days"),
            ("1900-01-01T00:00", "2200-12-31T23:59", "three centuries"),
        ];
        foreach (var (start, end, why) in pairs)
        {
            var item = _random.Next(6);
            Send(category, $"itinerary[{item}] {why}", Target.Event, EventDoc().Set($"itinerary[{item}].start", start).Set($"itinerary[{item}].end", end).Bytes());
        }
        Send(category, "span over 92 days across items", Target.Event, EventDoc().Set("itinerary[5].start", "2026-02-01T09:30").Set("itinerary[5].end", "2026-02-01T11:30").Bytes());
        foreach (var value in new[] { "2020-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2025-10-15", "2099-12-31T16:00", "2099-12-31T16:00:00+25:00", "2099-13-01T00:00:00Z",
                     "9999-12-31T23:59:60Z", "tomorrow", "2099-12-31 16:00:00Z", "2099-02-30T00:00:00Z", "0000-01-01T00:00:00Z", "P1Y" })
            Send(category, $"subscription expiresAt := '{value}'", Target.Subscription, new Doc(SubscriptionBase()).Set("expiresAt", value).Bytes());
    }
}
