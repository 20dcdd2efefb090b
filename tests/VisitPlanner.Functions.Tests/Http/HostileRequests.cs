using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using VisitPlanner.Core.Domain;
using VisitPlanner.Testing;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>One generated request: what to send, and enough of a name to find and repeat it.</summary>
internal sealed record HostileCase(
    int Index,
    string Category,
    string Name,
    HttpMethod Method,
    string Path,
    byte[]? Body,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    bool Chunked,
    bool WebServerMayRefuse = false)
{
    /// <summary>GET and HEAD may succeed; anything else succeeding would be a write the generator promised could not happen.</summary>
    public bool IsRead => Method == HttpMethod.Get || Method == HttpMethod.Head;

    public string Describe()
    {
        var path = Path.Length > 200 ? $"{Path[..200]}…({Path.Length} chars)" : Path;
        var headers = string.Join("", Headers.Select(h => $" [{h.Key}: {Short(h.Value, 60)}]"));
        var body = Body is null ? "no body" : $"body {Body.Length} bytes{(Chunked ? " chunked" : "")} ct={ContentType ?? "(none)"} «{Preview(Body, 160)}»";
        return $"#{Index} {Category} / {Name}: {Method} {path}{headers}, {body}";
    }

    private static string Short(string text, int max) => text.Length > max ? text[..max] + "…" : text;

    /// <summary>The first bytes as text, control characters and invalid UTF-8 shown as escapes, so a message is one readable line.</summary>
    public static string Preview(byte[] bytes, int maxChars)
    {
        var text = new StringBuilder();
        var decoder = new UTF8Encoding(false, false);
        var decoded = decoder.GetString(bytes, 0, Math.Min(bytes.Length, maxChars * 4));
        foreach (var c in decoded)
        {
            if (text.Length >= maxChars) return text + "…";
            text.Append(c switch
            {
                '\uFFFD' => "\\uFFFD",
                _ when char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return text.ToString();
    }
}

internal sealed record HostileTargets(string Calendar, string Person, string EventId);

/// <summary>
/// Generates malformed and hostile requests from a seeded <see cref="Random"/>. Every request that could write is
/// invalid by construction: bad syntax, a wrong type or value in a field the server validates, an id the API refuses,
/// a media type it refuses, or a method the route does not have. Bodies that might otherwise be valid carry a guard
/// (an unknown calendar, an unknown field) that the API documents as an error.
/// </summary>
internal sealed class HostileRequests
{
    public const string Json = "application/json";
    public const string MissingEvent = "hostile-missing-event";
    public const string NowhereCalendar = "hostile-nowhere";
    public const string ScratchCalendar = "hostile-scratch";
    public const string ScratchPerson = "hostile-scratch-person";
    public const int MaxBytes = 256 * 1024;

    private static readonly JsonDocumentOptions ServerParse = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    private readonly Random _random;
    private readonly HostileTargets _t;
    private readonly List<HostileCase> _cases = [];
    private int _fresh;

    private HostileRequests(Random random, HostileTargets targets)
    {
        _random = random;
        _t = targets;
    }

    public static IReadOnlyList<HostileCase> Generate(Random random, HostileTargets targets)
    {
        var generator = new HostileRequests(random, targets);
        generator.All();
        return generator._cases;
    }

    // ---------------------------------------------------------------- bases (each is valid; the test checks that on scratch ids)

    /// <summary>The Shouyang fixture with every optional field filled in, so each can be broken.</summary>
    public static JsonObject EventBase(string calendar, string person)
    {
        var node = JsonNode.Parse(SeedEvents.ShouyangAerospaceVisitJson(calendar))!.AsObject();
        node["timeZone"] = "Asia/Shanghai";
        node["status"] = "confirmed";
        node["speaker"] = "王宇翔";
        node["series"] = "经开讲堂";
        node["sessionNumber"] = 21;
        node["organizer"]!["email"] = "office@shouyang.example";
        node["participants"]![0]!["email"] = "li.weiping@shouyang.example";
        node["participants"]![0]!["personId"] = person;
        var first = node["itinerary"]![0]!;
        first["timeZone"] = "Asia/Shanghai";
        first["location"]!["address"] = "鹤壁市淇滨区";
        first["location"]!["lat"] = 35.7477;
        first["location"]!["lon"] = 114.2972;
        node["itinerary"]![1]!["participants"] = new JsonArray(new JsonObject { ["name"] = "司机", ["role"] = "driver" });
        return node;
    }

    public static JsonObject CalendarBase() => new()
    {
        ["name"] = "寿阳经开区 外出考察 (hostile)",
        ["description"] = "Study trips and delegation visits",
        ["timeZone"] = "Asia/Shanghai",
        ["visibility"] = "public",
        ["banners"] = false,
        ["alarmMinutesBefore"] = 45,
        ["refreshMinutes"] = 120,
    };

    public static JsonObject PersonBase() => new()
    {
        ["name"] = "李卫平 (hostile)",
        ["title"] = "党工委书记、管委会主任",
        ["organization"] = "寿阳经开区",
        ["email"] = "li.weiping@shouyang.example",
        ["timeZone"] = "Asia/Shanghai",
    };

    public static JsonObject SubscriptionBase() => new() { ["label"] = "李卫平 phone (hostile)", ["expiresAt"] = "2099-12-31T16:00:00Z" };

    private Doc EventDoc() => new(EventBase(_t.Calendar, _t.Person));

    private enum Target
    {
        Event,
        Calendar,
        Person,
        Subscription,
    }

    private Doc BaseDoc(Target target) => target switch
    {
        Target.Event => EventDoc(),
        Target.Calendar => new Doc(CalendarBase()),
        Target.Person => new Doc(PersonBase()),
        _ => new Doc(SubscriptionBase()),
    };

    /// <summary>A base made invalid by a documented error that mutations elsewhere cannot undo.</summary>
    private Doc GuardedDoc(Target target) => target == Target.Event
        ? EventDoc().Set("calendars", new JsonArray(NowhereCalendar))
        : BaseDoc(target).Set("x-guard", true);

    // ---------------------------------------------------------------- plumbing

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private bool Chance(double p) => _random.NextDouble() < p;

    private void Add(string category, string name, HttpMethod method, string path, byte[]? body = null, string? contentType = Json,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null, bool chunked = false, bool webServerMayRefuse = false) =>
        _cases.Add(new HostileCase(_cases.Count, category, name, method, path, body, body is null ? null : contentType, headers ?? [], chunked, webServerMayRefuse));

    private static KeyValuePair<string, string> Header(string name, string value) => new(name, value);

    private static readonly string[] IfMatches = ["\"r1\"", "\"r1\"", "\"r1\"", "\"r1\"", "\"r1\"", "", "", "*", "\"r7\"", "W/\"r1\"", "garbage", "\"r1\", \"r2\""];

    private List<KeyValuePair<string, string>> IfMatch()
    {
        var value = Pick(IfMatches);
        return value.Length == 0 ? [] : [Header("If-Match", value)];
    }

    /// <summary>Sends an invalid body to an endpoint that takes <paramref name="target"/>'s shape.</summary>
    private void Send(string category, string name, Target target, byte[] body, string? contentType = Json, bool putOnly = false, bool chunked = false)
    {
        switch (target)
        {
            case Target.Event:
                var roll = putOnly ? 50 + _random.Next(50) : _random.Next(100);
                if (roll < 45) Add(category, name, HttpMethod.Post, "/api/events", body, contentType, chunked: chunked);
                else if (roll < 90) Add(category, name, HttpMethod.Put, $"/api/events/{_t.EventId}", body, contentType, IfMatch(), chunked);
                else Add(category, name, HttpMethod.Put, $"/api/events/{MissingEvent}", body, contentType, IfMatch(), chunked);
                break;
            case Target.Calendar:
                Add(category, name, HttpMethod.Put, Chance(0.8) ? $"/api/calendars/{_t.Calendar}" : $"/api/calendars/hostile-fresh-{_fresh++}", body, contentType, chunked: chunked);
                break;
            case Target.Person:
                Add(category, name, HttpMethod.Put, Chance(0.8) ? $"/api/people/{_t.Person}" : $"/api/people/hostile-fresh-{_fresh++}", body, contentType, chunked: chunked);
                break;
            default:
                Add(category, name, HttpMethod.Post, Chance(0.6) ? $"/api/calendars/{_t.Calendar}/subscriptions" : $"/api/people/{_t.Person}/subscriptions", body, contentType, chunked: chunked);
                break;
        }
    }

    private static readonly Target[] AllTargets = [Target.Event, Target.Calendar, Target.Person, Target.Subscription];

    private Target WeightedTarget() => _random.Next(10) switch
    {
        < 6 => Target.Event,
        6 => Target.Calendar,
        7 => Target.Person,
        _ => Target.Subscription,
    };

    /// <summary>Whether the server's parser (UTF-8 check, then System.Text.Json with its options) would accept the bytes.</summary>
    public static bool ParsesAsJson(byte[] bytes)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) return false;
        try
        {
            using var _ = JsonDocument.Parse(bytes, ServerParse);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static byte[] MustNotParse(byte[] bytes, string name) =>
        ParsesAsJson(bytes) ? throw new InvalidOperationException($"Generator bug: '{name}' was meant to be unparseable but parses") : bytes;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    // ---------------------------------------------------------------- the cases

    private void All()
    {
        Truncated(110);
        FlippedBytes(110);
        RandomJson(70);
        WrongTypes();
        HugeNumbers();
        HugeStrings();
        Dates();
        ControlCharacters();
        AllowedUnicode();
        CrLfInjection();
        LoneSurrogates();
        Ids();
        ContentTypes();
        Methods();
        DuplicateKeys();
        DeepNesting();
        ByteOrderMarks();
        EmptyBodies();
        TrailingGarbage();
        NonUtf8();
        ListQueries(90);
        FeedQueries(90);
        Pages(30);
        SubscriptionBodies();
        PeopleBodies();
        CalendarBodies();
        SemanticEvents();
    }

    private void Truncated(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var target = WeightedTarget();
            var relaxed = Chance(0.7);
            var full = BaseDoc(target).Bytes(relaxed);
            var at = _random.Next(full.Length - 1);
            var name = $"{target} body ({(relaxed ? "raw UTF-8" : "\\u-escaped")}) cut at byte {at} of {full.Length}";
            Send("truncated JSON", name, target, MustNotParse(full[..at], name));
        }
    }

    private void FlippedBytes(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var target = WeightedTarget();
            var bytes = GuardedDoc(target).Bytes(Chance(0.7));
            var flips = new List<string>();
            for (var f = 1 + _random.Next(4); f > 0; f--)
            {
                var at = _random.Next(bytes.Length);
                var value = (byte)(Chance(0.5) ? bytes[at] ^ (1 << _random.Next(8)) : _random.Next(256));
                flips.Add($"@{at}:{bytes[at]:X2}->{value:X2}");
                bytes[at] = value;
            }
            Send("flipped bytes", $"guarded {target} body, flips {string.Join(",", flips)}", target, bytes);
        }
    }

    private static readonly string[] KnownKeys =
    [
        "kind", "title", "description", "timeZone", "calendars", "organizer", "participants", "itinerary", "speaker", "series",
        "sessionNumber", "status", "name", "visibility", "banners", "alarmMinutesBefore", "refreshMinutes", "organization", "email", "label", "expiresAt",
    ];

    private void RandomJson(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var target = Pick(AllTargets);
            var kind = _random.Next(10);
            byte[] body;
            string name;
            if (kind < 6)
            {
                var json = new StringBuilder();
                RandomValue(json, 0, root: true);
                body = Utf8(json.ToString());
                name = "random JSON value";
            }
            else if (kind < 8)
            {
                var length = 1 + _random.Next(300);
                body = Utf8(new string(Enumerable.Range(0, length).Select(_ => (char)(32 + _random.Next(95))).ToArray()));
                name = $"random printable ASCII ({length} chars)";
            }
            else
            {
                var length = 1 + _random.Next(500);
                body = new byte[length];
                _random.NextBytes(body);
                name = $"random bytes ({length})";
            }
            // Whatever parses must still be refused: never an object naming a field any schema knows.
            if (ParsesAsJson(body))
            {
                using var parsed = JsonDocument.Parse(body);
                if (parsed.RootElement.ValueKind == JsonValueKind.Object && parsed.RootElement.EnumerateObject().Any(p => KnownKeys.Contains(p.Name)))
                    throw new InvalidOperationException("Generator bug: random JSON names a known field");
            }
            Send("random JSON", name, target, body);
        }
    }

    private void RandomValue(StringBuilder json, int depth, bool root = false)
    {
        var choice = depth >= 5 ? _random.Next(5) : _random.Next(7);
        if (root && choice == 5) choice = 6;
        switch (choice)
        {
            case 0: json.Append("null"); break;
            case 1: json.Append(Chance(0.5) ? "true" : "false"); break;
            case 2: json.Append(Pick(new[] { "0", "-0", "1e309", "-1e400", "99999999999999999999999", "3.5", "-12", "1E-400", "123456789012345678901234567890.5" })); break;
            case 3: json.Append(RandomString()); break;
            case 4: json.Append(Pick(new[] { "[]", "{}", "\"\"", "[{}]" })); break;
            case 5:
                json.Append('[');
                for (var n = _random.Next(5); n > 0; n--)
                {
                    RandomValue(json, depth + 1);
                    if (n > 1) json.Append(',');
                }
                json.Append(']');
                break;
            default:
                json.Append('{');
                var members = 1 + _random.Next(4);
                for (var n = 0; n < members; n++)
                {
                    // The first key is never a field name any schema knows, so the object is refused as unknown.
                    json.Append('"').Append("x-").Append(_random.Next(1000)).Append("\":");
                    RandomValue(json, depth + 1);
                    if (n < members - 1) json.Append(',');
                }
                json.Append('}');
                break;
        }
    }

    private string RandomString()
    {
        var text = new StringBuilder("\"");
        for (var n = _random.Next(12); n > 0; n--)
        {
            text.Append(_random.Next(6) switch
            {
                0 => "\\u" + _random.Next(0x10000).ToString("x4"),
                1 => Pick(new[] { "\\n", "\\\"", "\\\\", "\\/", "\\t" }),
                2 => ((char)(0x4E00 + _random.Next(0x5000))).ToString(),
                _ => ((char)('a' + _random.Next(26))).ToString(),
            });
        }
        return text.Append('"').ToString();
    }

    // ---------------------------------------------------------------- wrong types for every field

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
        new("participants[0].name", Kind.Str, true), new("participants[0].title", Kind.Str, false), new("participants[0].organization", Kind.Str, false),
        new("participants[0].role", Kind.Str, false), new("participants[0].email", Kind.Str, false), new("participants[0].personId", Kind.Str, false),
        new("itinerary", Kind.Arr, true), new("itinerary[#]", Kind.Obj, true), new("itinerary[#].id", Kind.Str, false),
        new("itinerary[#].title", Kind.Str, true), new("itinerary[#].start", Kind.Str, true), new("itinerary[#].end", Kind.Str, true),
        new("itinerary[#].timeZone", Kind.Str, false), new("itinerary[#].location", Kind.Obj, false), new("itinerary[#].location.name", Kind.Str, true),
        new("itinerary[#].location.city", Kind.Str, false), new("itinerary[0].location.address", Kind.Str, false),
        new("itinerary[0].location.lat", Kind.Num, true), new("itinerary[0].location.lon", Kind.Num, true),
        new("itinerary[#].notes", Kind.Str, false, MultiLine: true), new("itinerary[1].participants", Kind.Arr, false),
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
        new("refreshMinutes", Kind.Num, false), new("id", Kind.Str, false),
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

    /// <summary>Every string field of every body, with its current value where it has one.</summary>
    private IEnumerable<(Target Target, string Path, bool MultiLine)> TextFields()
    {
        foreach (var field in EventFields.Where(f => f.Kind == Kind.Str && !f.PutOnly)) yield return (Target.Event, Resolve(field.Path), field.MultiLine);
        foreach (var field in CalendarFields.Where(f => f.Kind == Kind.Str && f.Path != "id")) yield return (Target.Calendar, field.Path, field.MultiLine);
        foreach (var field in PersonFields.Where(f => f.Kind == Kind.Str && f.Path != "id")) yield return (Target.Person, field.Path, field.MultiLine);
        foreach (var field in SubscriptionFields) yield return (Target.Subscription, field.Path, field.MultiLine);
    }

    private static string Around(Doc doc, string path, string inserted)
    {
        var current = doc.Get(path) is JsonValue value && value.TryGetValue<string>(out var text) && text.Length >= 2 ? text : "ab";
        var middle = current.Length / 2;
        return current[..middle] + inserted + current[middle..];
    }

    private static readonly string[] SingleLineControls =
        ["\u0000", "\u0001", "\u0007", "\u0008", "\t", "\n", "\u000b", "\u000c", "\r", "\u000e", "\u001b", "\u001f", "\u007f", "\u0080", "\u0085", "\u009b", "\u009f", "\r\n"];

    private static readonly string[] MultiLineControls = SingleLineControls.Where(c => c is not ("\t" or "\n" or "\r" or "\r\n")).ToArray();

    private void ControlCharacters()
    {
        const string category = "control characters";
        foreach (var (target, path, multiLine) in TextFields().ToArray())
        {
            var pool = (multiLine ? MultiLineControls : SingleLineControls).ToList();
            for (var n = 0; n < 3; n++)
            {
                var control = pool[_random.Next(pool.Count)];
                pool.Remove(control);
                var doc = BaseDoc(target);
                doc.Set(path, Around(doc, path, control));
                Send(category, $"{target} {path} with U+{(int)control[0]:X4}{(control.Length > 1 ? "+LF" : "")} inside", target, doc.Bytes(Chance(0.5)));
            }
        }
        // Unescaped control characters inside a JSON string are not JSON at all.
        foreach (var control in new[] { "\u0000", "\u0001", "\u0007", "\u001b", "\n", "\r", "\t", "\u001f" })
        {
            var target = Pick(AllTargets);
            var path = target switch { Target.Event => "title", Target.Calendar or Target.Person => "name", _ => "label" };
            var name = $"{target} {path} with a raw unescaped U+{(int)control[0]:X4}";
            Send(category, name, target, MustNotParse(BaseDoc(target).Raw(path, "\"a" + control + "b\"").Bytes(), name));
        }
    }

    private void AllowedUnicode()
    {
        // Not control characters, so the fields accept them; each body carries a documented error elsewhere so nothing is written.
        const string category = "allowed unicode (guarded)";
        string[] chars = ["\u2028", "\u2029", "\u200b", "\u200e", "\u202e", "\ufeff", "\ufffd", "\uffff", "\ufffe", "\ud83d\ude80", "e\u0301\u0301\u0301", "\u00a0", "\u3000", "\u061c"];
        foreach (var c in chars)
        {
            var target = Pick(AllTargets);
            var path = target switch
            {
                Target.Event => Pick(new[] { "title", "description", "itinerary[3].title", "itinerary[5].notes", "itinerary[1].location.name", "organizer.name" }),
                Target.Calendar => Pick(new[] { "name", "description" }),
                Target.Person => Pick(new[] { "name", "title", "organization" }),
                _ => "label",
            };
            var doc = GuardedDoc(target);
            doc.Set(path, Around(doc, path, c));
            Send(category, $"{target} {path} with U+{char.ConvertToUtf32(c, 0):X4} (+ guard)", target, doc.Bytes(Chance(0.5)));
        }
    }

    private void CrLfInjection()
    {
        const string category = "CR/LF injection";
        string[] payloads =
        [
            "x\r\nBEGIN:VEVENT\r\nSUMMARY:evil\r\nEND:VEVENT", "x\nDTSTART:19700101T000000Z", "x\rX-Injected: 1", "x\r\n\r\n<script>alert(1)</script>",
            "x\r\nSet-Cookie: a=b", "x\n\nHTTP/1.1 200 OK", "\r\n\r\nx", "x\r\n",
        ];
        string[] titles = ["title", "itinerary[2].title", "itinerary[4].location.name", "organizer.name", "participants[1].name", "speaker", "kind", "status", "timeZone"];
        foreach (var path in titles)
        {
            var payload = Pick(payloads);
            // Trimmed-away line breaks at the ends would leave a valid value; keep one inside.
            if (!payload.Trim().Contains('\n') && !payload.Trim().Contains('\r')) payload = "a" + payload.Trim() + "\r\nb";
            Send(category, $"event {path} := {JsonSerializer.Serialize(payload)}", Target.Event, EventDoc().Set(path, payload).Bytes());
        }
        foreach (var path in new[] { "itinerary[0].id", "calendars[0]", "participants[0].personId" })
            Send(category, $"event id field {path} with CR/LF inside", Target.Event, EventDoc().Set(path, Around(EventDoc(), path, "\r\nX-Evil: 1\r\n")).Bytes());
        Send(category, "calendar name with CR/LF", Target.Calendar, new Doc(CalendarBase()).Set("name", "x\r\nX-WR-CALNAME:evil").Bytes());
        Send(category, "calendar timeZone with CR/LF", Target.Calendar, new Doc(CalendarBase()).Set("timeZone", "Asia/Shanghai\r\nX").Bytes());
        Send(category, "person name with CR/LF", Target.Person, new Doc(PersonBase()).Set("name", "x\r\nORGANIZER:mailto:evil@x").Bytes());
        Send(category, "person email with CR/LF", Target.Person, new Doc(PersonBase()).Set("email", "a@b.cn\r\nBcc: c@d.cn").Bytes());
        Send(category, "subscription label with CR/LF", Target.Subscription, new Doc(SubscriptionBase()).Set("label", "phone\r\nX: 1").Bytes());
        // In URLs: the route value carries the decoded CR/LF.
        var cal = _t.Calendar;
        Add(category, "calendar id with %0D%0A", HttpMethod.Get, $"/api/calendars/{cal}%0D%0ASet-Cookie:%20x=1");
        Add(category, "calendar id with %0D%0A, feed", HttpMethod.Get, $"/api/calendars/{cal}%0D%0AX-Evil:%201/feed.ics");
        Add(category, "calendar id with %0A, PUT", HttpMethod.Put, $"/api/calendars/{cal}%0A", new Doc(CalendarBase()).Bytes());
        Add(category, "person id with %0D%0A, PUT", HttpMethod.Put, $"/api/people/{_t.Person}%0D%0A", new Doc(PersonBase()).Bytes());
        Add(category, "event id with %0D%0A", HttpMethod.Get, $"/api/events/{_t.EventId}%0D%0AX:%201");
        Add(category, "event id with %0D%0A, PUT", HttpMethod.Put, $"/api/events/{_t.EventId}%0D%0A", EventDoc().Bytes(), headers: [Header("If-Match", "\"r1\"")]);
        Add(category, "event id with %0A, page", HttpMethod.Get, $"/api/events/{_t.EventId}%0A/page");
        Add(category, "kind with %0D%0A in a feed query", HttpMethod.Get, $"/api/calendars/{cal}/feed.ics?kind=studyTrip%0D%0AX-Evil:%201");
        Add(category, "token with %0D%0A in a page query", HttpMethod.Get, $"/api/calendars/{cal}/page?token=%0D%0ASet-Cookie:%20x=1");
    }

    private void LoneSurrogates()
    {
        const string category = "lone surrogates";
        string[] values = ["\"\\ud800\"", "\"x\\udfffy\"", "\"\\udc00\\ud800\"", "\"\\ud800\\ud800\"", "\"\\udbff\"", "\"a\\ud83d\"", "\"\\ude00b\""];
        foreach (var (target, path, _) in TextFields().ToArray())
        {
            var value = Pick(values);
            Send(category, $"{target} {path} := {value}", target, BaseDoc(target).Raw(path, value).Bytes());
        }
        // As property names, top level and nested.
        foreach (var target in AllTargets)
        {
            var name = Pick(values);
            Send(category, $"{target} property name {name}", target, Utf8("{" + name + ":1," + BaseDoc(target).Text()[1..]));
        }
        Send(category, "organizer property name \\ud800", Target.Event, EventDoc().Raw("organizer", "{\"name\":\"x\",\"\\ud800\":\"y\"}").Bytes());
        Send(category, "itinerary[0] property name \\udfff", Target.Event,
            EventDoc().Raw("itinerary[0]", "{\"title\":\"t\",\"start\":\"2025-10-15T08:30\",\"end\":\"2025-10-15T09:30\",\"\\udfff\":1}").Bytes());
        Send(category, "location property name ti\\ud800tle", Target.Event, EventDoc().Raw("itinerary[3].location", "{\"name\":\"x\",\"ci\\ud800ty\":\"y\"}").Bytes());
        // Body ids compared with the URL's.
        Add(category, "PUT event with body id \\ud800", HttpMethod.Put, $"/api/events/{_t.EventId}", EventDoc().Raw("id", "\"\\ud800\"").Bytes(), headers: IfMatch());
        Add(category, "PUT event with body id = URL id + \\ud800", HttpMethod.Put, $"/api/events/{_t.EventId}", EventDoc().Raw("id", $"\"{_t.EventId}\\ud800\"").Bytes(), headers: [Header("If-Match", "\"r1\"")]);
        Add(category, "PUT event with body id = escaped URL id + \\udc00", HttpMethod.Put, $"/api/events/{_t.EventId}",
            EventDoc().Raw("id", "\"" + string.Concat(_t.EventId.Select(c => $"\\u{(int)c:x4}")) + "\\udc00\"").Bytes(), headers: [Header("If-Match", "\"r1\"")]);
        Add(category, "PUT calendar with body id \\ud800", HttpMethod.Put, $"/api/calendars/{_t.Calendar}", new Doc(CalendarBase()).Raw("id", "\"\\ud800\"").Bytes());
        Add(category, "PUT calendar with body id = URL id + \\udfff", HttpMethod.Put, $"/api/calendars/{_t.Calendar}", new Doc(CalendarBase()).Raw("id", $"\"{_t.Calendar}\\udfff\"").Bytes());
        Add(category, "PUT person with body id \\udfff", HttpMethod.Put, $"/api/people/{_t.Person}", new Doc(PersonBase()).Raw("id", "\"\\udfff\"").Bytes());
        Add(category, "PUT person with body id = URL id + \\ud800", HttpMethod.Put, $"/api/people/{_t.Person}", new Doc(PersonBase()).Raw("id", $"\"{_t.Person}\\ud800\"").Bytes());
        // Escapes that are not escapes.
        foreach (var bad in new[] { "\"\\x41\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\U0041\"", "\"\\'\"", "\"\\\"", "\"\\ud800\\u\"" })
        {
            var name = $"event title := {bad} (invalid escape)";
            Send(category, name, Target.Event, MustNotParse(EventDoc().Raw("title", bad).Bytes(), name));
        }
    }

    private void Ids()
    {
        const string category = "ids";
        var cal = _t.Calendar;
        var evt = _t.EventId;
        string[] ids =
        [
            "..", "%2e%2e", "%2E%2E%2F", "..%2F..%2Fcalendars%2F{cal}", "..%5C..%5C", "%2e%2e%2fcalendars%2f{cal}", "../calendars/{cal}", "%2e%2e/%2e%2e/api/calendars/{cal}",
            "a%2Fb", "{cal}%2F..", "a%5Cb", "a%23b", "a%3Fb", "{cal}%3Fx=1", "{cal}%23frag", "a%00b", "{cal}%00", "%00", "a%01b", "a%7Fb", "a%0D%0Ab",
            "%E5%AF%BF%E9%98%B3", "%E5%A4%96%E5%87%BA%E8%80%83%E5%AF%9F", "%F0%9F%9A%80", "%C0%AE%C0%AE", "%ED%A0%80", "%FF%FE", "%E5%AF",
            "a%20b", "%20{cal}", "{cal}%20", "{cal}%09", "-x", ".x", "_x", new string('x', 65), "a%25b", "%252e%252e", "a'b", "a%22b",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "a;b", "a,b", "a+b", "a=b", "a~b", "a@b", "a:b", "a%7Cb", "a*b", "{event}%00", "{event}%2F..",
            "{event}%20", "{event}%C2%A0", "%EF%BC%A1", "{cal}%E2%80%8B", "%u002e%u002e",
        ];
        (string Name, HttpMethod Method, string Template, Target? Body, bool Deletes)[] routes =
        [
            ("GET event", HttpMethod.Get, "/api/events/{id}", null, false),
            ("PUT event", HttpMethod.Put, "/api/events/{id}", Target.Event, false),
            ("DELETE event", HttpMethod.Delete, "/api/events/{id}", null, true),
            ("GET event page", HttpMethod.Get, "/api/events/{id}/page", null, false),
            ("GET calendar", HttpMethod.Get, "/api/calendars/{id}", null, false),
            ("PUT calendar", HttpMethod.Put, "/api/calendars/{id}", Target.Calendar, false),
            ("GET calendar feed", HttpMethod.Get, "/api/calendars/{id}/feed.ics", null, false),
            ("HEAD calendar feed", HttpMethod.Head, "/api/calendars/{id}/feed.ics", null, false),
            ("GET calendar page", HttpMethod.Get, "/api/calendars/{id}/page", null, false),
            ("POST calendar subscription", HttpMethod.Post, "/api/calendars/{id}/subscriptions", Target.Subscription, false),
            ("GET calendar subscriptions", HttpMethod.Get, "/api/calendars/{id}/subscriptions", null, false),
            ("GET person", HttpMethod.Get, "/api/people/{id}", null, false),
            ("PUT person", HttpMethod.Put, "/api/people/{id}", Target.Person, false),
            ("GET person feed", HttpMethod.Get, "/api/people/{id}/feed.ics?token=" + new string('a', 52), null, false),
            ("POST person subscription", HttpMethod.Post, "/api/people/{id}/subscriptions", Target.Subscription, false),
            ("DELETE calendar subscription", HttpMethod.Delete, "/api/calendars/{cal}/subscriptions/{id}", null, true),
            ("DELETE person subscription", HttpMethod.Delete, "/api/people/{person}/subscriptions/{id}", null, true),
            ("list events", HttpMethod.Get, "/api/events?calendar={id}", null, false),
        ];
        foreach (var template in ids)
        {
            var id = template.Replace("{cal}", cal).Replace("{event}", evt);
            var traversal = id.Contains("..") || id.Contains("%2e", StringComparison.OrdinalIgnoreCase) || id.Contains('/');
            var chosen = routes.Where(r => !(traversal && r.Deletes)).OrderBy(_ => _random.Next()).Take(3).ToArray();
            foreach (var route in chosen)
            {
                var path = route.Template.Replace("{cal}", cal).Replace("{person}", _t.Person).Replace("{id}", id);
                var name = $"{route.Name} with id '{template}'";
                // Kestrel refuses a NUL in the path before any function runs (see HostileInputTests.IsWebServerRefusal).
                var nul = id.Contains("%00");
                if (route.Body is not { } body)
                {
                    Add(category, name, route.Method, path, webServerMayRefuse: nul);
                    continue;
                }
                // A path the server may normalize onto a real resource gets a body that is wrong anyway; otherwise the id is the only error.
                var doc = traversal ? GuardedDoc(body) : BaseDoc(body);
                var headers = new List<KeyValuePair<string, string>>();
                if (body == Target.Event) headers.Add(Header("If-Match", "\"r1\""));
                Add(category, name + (traversal ? " (guarded body)" : ""), route.Method, path, doc.Bytes(), headers: headers, webServerMayRefuse: nul);
            }
        }
        // Over Kestrel's default request line limit (8 KiB): refused with 414 before any function runs.
        var longId = new string('a', 10_000);
        Add(category, "GET event with a 10,000-character id", HttpMethod.Get, $"/api/events/{longId}", webServerMayRefuse: true);
        Add(category, "PUT calendar with a 10,000-character id", HttpMethod.Put, $"/api/calendars/{longId}", new Doc(CalendarBase()).Bytes(), webServerMayRefuse: true);
        Add(category, "GET calendar feed with a 10,000-character id", HttpMethod.Get, $"/api/calendars/{longId}/feed.ics", webServerMayRefuse: true);
        var midId = new string('b', 4_000);
        Add(category, "GET event with a 4,000-character id", HttpMethod.Get, $"/api/events/{midId}");
        Add(category, "PUT person with a 4,000-character id", HttpMethod.Put, $"/api/people/{midId}", new Doc(PersonBase()).Bytes());
        Add(category, "GET calendar page with a 4,000-character id", HttpMethod.Get, $"/api/calendars/{midId}/page");
    }

    private void ContentTypes()
    {
        const string category = "wrong Content-Type";
        string?[] types =
        [
            "text/plain", null, "application/xml", "multipart/form-data", "multipart/form-data; boundary=----hostile", "application/x-www-form-urlencoded",
            "text/html", "application/octet-stream", "image/png", "application/jsonp", "application/json-seq", "application/javascript", ";application/json",
            "json", "application", "*/*", "application/*", "text/plain; charset=application/json", "application/xml; x=application/json",
        ];
        foreach (var type in types)
        {
            // Valid bodies: the media type is the only thing wrong.
            foreach (var target in AllTargets.OrderBy(_ => _random.Next()).Take(2))
            {
                var body = BaseDoc(target).Bytes();
                var name = $"{target} valid body as '{type ?? "(no Content-Type)"}'";
                switch (target)
                {
                    case Target.Event when Chance(0.5):
                        Add(category, name, HttpMethod.Put, $"/api/events/{_t.EventId}", body, type, [Header("If-Match", "\"r1\"")]);
                        break;
                    default:
                        Send(category, name, target, body, type);
                        break;
                }
            }
        }
    }

    private void Methods()
    {
        const string category = "wrong methods";
        var cal = _t.Calendar;
        var evt = _t.EventId;
        var person = _t.Person;
        var eventBody = EventDoc().Bytes();
        var calendarBody = new Doc(CalendarBase()).Bytes();
        var personBody = new Doc(PersonBase()).Bytes();
        var subscriptionBody = new Doc(SubscriptionBase()).Bytes();
        List<KeyValuePair<string, string>> r1 = [Header("If-Match", "\"r1\"")];
        (HttpMethod Method, string Path, byte[]? Body, List<KeyValuePair<string, string>>? Headers)[] requests =
        [
            (HttpMethod.Patch, $"/api/events/{evt}", eventBody, r1), (HttpMethod.Post, $"/api/events/{evt}", eventBody, r1), (HttpMethod.Put, "/api/events", eventBody, null),
            (HttpMethod.Delete, "/api/events", null, null), (HttpMethod.Patch, "/api/events", eventBody, null), (HttpMethod.Delete, $"/api/calendars/{cal}", null, null),
            (HttpMethod.Patch, $"/api/calendars/{cal}", calendarBody, null), (HttpMethod.Post, $"/api/calendars/{cal}", calendarBody, null),
            (HttpMethod.Delete, $"/api/people/{person}", null, null), (HttpMethod.Patch, $"/api/people/{person}", personBody, null), (HttpMethod.Post, $"/api/people/{person}", personBody, null),
            (HttpMethod.Put, $"/api/calendars/{cal}/feed.ics", calendarBody, null), (HttpMethod.Post, $"/api/calendars/{cal}/feed.ics", calendarBody, null),
            (HttpMethod.Delete, $"/api/calendars/{cal}/feed.ics", null, null), (HttpMethod.Put, $"/api/calendars/{cal}/page", calendarBody, null),
            (HttpMethod.Post, $"/api/events/{evt}/page", eventBody, null), (HttpMethod.Delete, $"/api/events/{evt}/page", null, null),
            (HttpMethod.Put, $"/api/calendars/{cal}/subscriptions", subscriptionBody, null), (HttpMethod.Delete, $"/api/calendars/{cal}/subscriptions", null, null),
            (HttpMethod.Patch, $"/api/people/{person}/subscriptions", subscriptionBody, null), (HttpMethod.Post, $"/api/people/{person}/feed.ics", personBody, null),
            (HttpMethod.Put, $"/api/calendars/{cal}/subscriptions/abc", subscriptionBody, null), (HttpMethod.Get, $"/api/calendars/{cal}/subscriptions/abc", null, null),
            (HttpMethod.Head, $"/api/events/{evt}", null, null), (HttpMethod.Head, $"/api/calendars/{cal}", null, null), (HttpMethod.Head, $"/api/events/{evt}/page", null, null),
            (HttpMethod.Options, "/api/events", null, null), (HttpMethod.Options, $"/api/events/{evt}", null, null), (HttpMethod.Trace, "/api/events", null, null),
            (new HttpMethod("PROPFIND"), $"/api/calendars/{cal}", null, null), (new HttpMethod("MKCALENDAR"), $"/api/calendars/{cal}", calendarBody, null),
            (new HttpMethod("REPORT"), $"/api/calendars/{cal}/feed.ics", null, null), (new HttpMethod("FOO"), "/api/events", eventBody, null),
            (new HttpMethod("LOCK"), $"/api/events/{evt}", null, null), (new HttpMethod("PURGE"), $"/api/calendars/{cal}/feed.ics", null, null),
            // No function at all.
            (HttpMethod.Get, "/api/nope", null, null), (HttpMethod.Post, "/api/nope", eventBody, null), (HttpMethod.Get, $"/api/events/{evt}/nope", null, null),
            (HttpMethod.Get, "/api", null, null), (HttpMethod.Get, "/", null, null), (HttpMethod.Get, "/api/calendars", null, null), (HttpMethod.Post, "/api/calendars", calendarBody, null),
            (HttpMethod.Get, "/api/people", null, null), (HttpMethod.Post, "/api/people", personBody, null), (HttpMethod.Get, $"/api/calendars/{cal}/feed.ics/x", null, null),
            (HttpMethod.Get, "/api/events//page", null, null), (HttpMethod.Put, "/api/events//", eventBody, null), (HttpMethod.Get, $"/api/calendars/{cal}/subscriptions/a/b", null, null),
            (HttpMethod.Get, $"/API/EVENTS/{evt}/PAGE/..", null, null), (HttpMethod.Get, "/api/events/%2F", null, null),
        ];
        foreach (var (method, path, body, headers) in requests)
            Add(category, $"{method} {path.Replace(evt, "{event}")}", method, path, body, headers: headers);
    }

    private void DuplicateKeys()
    {
        const string category = "duplicate keys";
        string Top(Target target, string key, string first)
        {
            var text = BaseDoc(target).Text();
            return "{\"" + key + "\":" + first + "," + text[1..];
        }
        Send(category, "event title twice (top)", Target.Event, Utf8(Top(Target.Event, "title", "\"dup\"")));
        Send(category, "event kind twice (top)", Target.Event, Utf8(Top(Target.Event, "kind", "\"meeting\"")));
        Send(category, "event calendars twice (top)", Target.Event, Utf8(Top(Target.Event, "calendars", $"[\"{NowhereCalendar}\"]")));
        Send(category, "event itinerary twice (top)", Target.Event, Utf8(Top(Target.Event, "itinerary", "[]")));
        Send(category, "event title twice, one escaped (ti\\u0074le)", Target.Event, Utf8(Top(Target.Event, "ti\\u0074le", "\"dup\"")));
        Send(category, "event kind twice, fully escaped", Target.Event, Utf8(Top(Target.Event, "\\u006b\\u0069\\u006e\\u0064", "\"meeting\"")));
        Send(category, "event organizer.name twice", Target.Event, EventDoc().Raw("organizer", "{\"name\":\"A\",\"name\":\"B\"}").Bytes());
        Send(category, "event organizer.name twice, escaped", Target.Event, EventDoc().Raw("organizer", "{\"name\":\"A\",\"n\\u0061me\":\"B\"}").Bytes());
        Send(category, "itinerary[0].start twice", Target.Event,
            EventDoc().Raw("itinerary[0]", "{\"id\":\"hebi-showroom\",\"title\":\"t\",\"start\":\"2025-10-15T08:30\",\"start\":\"2025-10-15T08:45\",\"end\":\"2025-10-15T09:30\"}").Bytes());
        Send(category, "itinerary[2].location.name twice", Target.Event, EventDoc().Raw("itinerary[2].location", "{\"name\":\"a\",\"city\":\"鹤壁\",\"name\":\"b\"}").Bytes());
        Send(category, "participants[0].name twice", Target.Event, EventDoc().Raw("participants[0]", "{\"name\":\"a\",\"name\":\"a\"}").Bytes());
        Send(category, "itinerary[1].participants[0].role twice, escaped", Target.Event,
            EventDoc().Raw("itinerary[1].participants[0]", "{\"name\":\"司机\",\"role\":\"driver\",\"\\u0072ole\":\"x\"}").Bytes());
        Send(category, "the same key 1,000 times", Target.Event, Utf8("{" + string.Join(",", Enumerable.Repeat("\"title\":\"x\"", 1000)) + "}"));
        Send(category, "calendar name twice", Target.Calendar, Utf8(Top(Target.Calendar, "name", "\"dup\"")));
        Send(category, "calendar name twice, escaped", Target.Calendar, Utf8(Top(Target.Calendar, "n\\u0061me", "\"dup\"")));
        Send(category, "calendar visibility twice", Target.Calendar, Utf8(Top(Target.Calendar, "visibility", "\"private\"")));
        Send(category, "person name twice", Target.Person, Utf8(Top(Target.Person, "name", "\"dup\"")));
        Send(category, "person email twice, escaped", Target.Person, Utf8(Top(Target.Person, "\\u0065mail", "\"x@y.cn\"")));
        Send(category, "subscription label twice", Target.Subscription, Utf8(Top(Target.Subscription, "label", "\"dup\"")));
        Send(category, "subscription label twice, escaped", Target.Subscription, Utf8(Top(Target.Subscription, "l\\u0061bel", "\"dup\"")));
        Send(category, "subscription expiresAt twice", Target.Subscription, Utf8(Top(Target.Subscription, "expiresAt", "\"2098-01-01T00:00:00Z\"")));
    }

    private void DeepNesting()
    {
        const string category = "deep nesting";
        string Arrays(int depth) => new string('[', depth) + new string(']', depth);
        string Objects(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        foreach (var target in AllTargets)
        {
            Send(category, $"{target}: arrays 1,000 deep at the root", target, Utf8(Arrays(1000)));
            Send(category, $"{target}: objects 1,000 deep at the root", target, Utf8(Objects(1000)));
        }
        Send(category, "event title: arrays 1,000 deep", Target.Event, EventDoc().Raw("title", Arrays(1000)).Bytes());
        Send(category, "event description: objects 1,000 deep", Target.Event, EventDoc().Raw("description", Objects(1000)).Bytes());
        Send(category, "event itinerary[3].location: objects 33 deep", Target.Event, EventDoc().Raw("itinerary[3].location", Objects(33)).Bytes());
        Send(category, "event description: arrays 28 deep (parses; wrong type)", Target.Event, EventDoc().Raw("description", Arrays(28)).Bytes());
        Send(category, "event: 100,000 unclosed [", Target.Event, Utf8(new string('[', 100_000)));
        Send(category, "event: 100,000 deep arrays", Target.Event, Utf8(Arrays(100_000)));
        Send(category, "calendar name: objects 1,000 deep", Target.Calendar, new Doc(CalendarBase()).Raw("name", Objects(1000)).Bytes());
        Send(category, "person name: arrays 500 deep", Target.Person, new Doc(PersonBase()).Raw("name", Arrays(500)).Bytes());
        Send(category, "subscription label: arrays 40 deep", Target.Subscription, new Doc(SubscriptionBase()).Raw("label", Arrays(40)).Bytes());
    }

    private void ByteOrderMarks()
    {
        const string category = "byte order marks";
        byte[] bom = [0xEF, 0xBB, 0xBF];
        Send(category, "UTF-8 BOM + event with a wrong-typed title", Target.Event, Concat(bom, EventDoc().Raw("title", "42").Bytes()));
        Send(category, "UTF-8 BOM + {}", Pick(AllTargets), Concat(bom, Utf8("{}")));
        Send(category, "UTF-8 BOM only", Pick(AllTargets), bom);
        Send(category, "two UTF-8 BOMs + valid event", Target.Event, MustNotParse(Concat(bom, bom, EventDoc().Bytes()), "double BOM"));
        Send(category, "two UTF-8 BOMs + valid calendar", Target.Calendar, MustNotParse(Concat(bom, bom, new Doc(CalendarBase()).Bytes()), "double BOM"));
        Send(category, "UTF-8 BOM + guarded calendar", Target.Calendar, Concat(bom, GuardedDoc(Target.Calendar).Bytes()));
        Send(category, "UTF-8 BOM + guarded person", Target.Person, Concat(bom, GuardedDoc(Target.Person).Bytes()));
        Send(category, "UTF-8 BOM + guarded subscription", Target.Subscription, Concat(bom, GuardedDoc(Target.Subscription).Bytes()));
        var valid = EventDoc().Text();
        Send(category, "BOM after { in a valid event", Target.Event, MustNotParse(Concat(Utf8("{"), bom, Utf8(valid[1..])), "inner BOM"));
        Send(category, "UTF-16LE BOM + UTF-16LE event", Target.Event, MustNotParse(Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes(valid)), "utf-16le"));
        Send(category, "UTF-16BE BOM + UTF-16BE event", Target.Event, MustNotParse(Concat([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes(valid)), "utf-16be"));
        Send(category, "UTF-32LE BOM + UTF-32LE person", Target.Person, MustNotParse(Concat([0xFF, 0xFE, 0x00, 0x00], Encoding.UTF32.GetBytes(new Doc(PersonBase()).Text())), "utf-32"));
    }

    private void EmptyBodies()
    {
        const string category = "empty bodies";
        foreach (var target in AllTargets)
        {
            Send(category, $"{target}: empty body", target, []);
            Send(category, $"{target}: empty body, no Content-Type", target, [], null);
            Send(category, $"{target}: whitespace only", target, Utf8(" \r\n\t "));
        }
        Add(category, "PUT event: empty body, If-Match r1", HttpMethod.Put, $"/api/events/{_t.EventId}", [], headers: [Header("If-Match", "\"r1\"")]);
        Add(category, "POST event: no content at all", HttpMethod.Post, "/api/events");
        Add(category, "PUT calendar: no content at all", HttpMethod.Put, $"/api/calendars/{_t.Calendar}");
        Send(category, "event: empty body, chunked", Target.Event, [], chunked: true);
    }

    private void TrailingGarbage()
    {
        const string category = "trailing garbage";
        string[] trailers = ["x", "}", "]", ",", "{}", "[]", "\0", "//c", "/*c*/", "null", "\"", "\n\n{}", ")]}'", "<!--", " garbage", "\u00a0", "\u3000", "\ufeff", "\u001a"];
        foreach (var trailer in trailers)
        {
            var target = WeightedTarget();
            var name = $"{target} valid body + {JsonSerializer.Serialize(trailer)}";
            Send(category, name, target, MustNotParse(Utf8(BaseDoc(target).Text() + trailer), name));
        }
        foreach (var leader in new[] { ")]}'\n", "\u00a0", "//x\n", "x", "while(1);", "\u0000" })
        {
            var target = WeightedTarget();
            var name = $"{target} {JsonSerializer.Serialize(leader)} + valid body";
            Send(category, name, target, MustNotParse(Utf8(leader + BaseDoc(target).Text()), name));
        }
        var text = EventDoc().Text();
        (string Name, string Body)[] lenient =
        [
            ("trailing comma in the object", text[..^1] + ",}"), ("comment after {", "{/*c*/" + text[1..]), ("line comment after {", "{//c\n" + text[1..]),
            ("single-quoted keys", text.Replace("\"kind\"", "'kind'")), ("unquoted key", text.Replace("\"kind\"", "kind")),
            ("trailing comma in calendars", text.Replace($"[\"{_t.Calendar}\"]", $"[\"{_t.Calendar}\",]")),
        ];
        foreach (var (name, body) in lenient) Send(category, name, Target.Event, MustNotParse(Utf8(body), name));
    }

    private void NonUtf8()
    {
        const string category = "non-UTF-8 bytes";
        byte[][] sequences =
        [
            [0xFF], [0xFE], [0xC0, 0xAF], [0xC0, 0x80], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xBF], [0xE5, 0xAF], [0xC3, 0x28], [0xE9],
        ];
        foreach (var sequence in sequences)
        {
            var target = WeightedTarget();
            var body = BaseDoc(target).Bytes();
            // Inside a string value: just after an opening quote of a value.
            var quotes = Enumerable.Range(1, body.Length - 1).Where(i => body[i - 1] == (byte)':' && body[i] == (byte)'"').ToArray();
            var at = Pick(quotes) + 1;
            var name = $"{target} body with {Convert.ToHexString(sequence)} at byte {at}";
            Send(category, name, target, MustNotParse(Concat(body[..at], sequence, body[at..]), name));
        }
        var valid = EventDoc().Text();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Send(category, "event encoded as GB18030", Target.Event, MustNotParse(Encoding.GetEncoding("GB18030").GetBytes(valid), "gb18030"));
        Send(category, "event encoded as GBK (code page 936)", Target.Event, MustNotParse(Encoding.GetEncoding(936).GetBytes(valid), "gbk"));
        Send(category, "event encoded as Big5", Target.Event, MustNotParse(Encoding.GetEncoding("big5").GetBytes(valid), "big5"));
        Send(category, "calendar encoded as GB18030", Target.Calendar, MustNotParse(Encoding.GetEncoding("GB18030").GetBytes(new Doc(CalendarBase()).Text()), "gb18030"));
        Send(category, "person encoded as UTF-16LE", Target.Person, MustNotParse(Encoding.Unicode.GetBytes(new Doc(PersonBase()).Text()), "utf-16"));
        Send(category, "subscription encoded as UTF-16BE", Target.Subscription, MustNotParse(Encoding.BigEndianUnicode.GetBytes(new Doc(SubscriptionBase()).Text()), "utf-16be"));
        Send(category, "event with a lone surrogate written as raw UTF-8 (CESU)", Target.Event,
            MustNotParse(Concat(Utf8(valid[..20]), [0xED, 0xA0, 0xBD], Utf8(valid[20..])), "cesu"));
    }

    private static string Encode(string value) => Uri.EscapeDataString(value);

    private string PartitionToken(string partitionBase64, string rowKey) => Convert.ToBase64String(Utf8($"{partitionBase64} {rowKey}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private void ListQueries(int count)
    {
        const string category = "list query abuse";
        var cal = _t.Calendar;
        var partition = Convert.ToBase64String(Utf8("c." + cal));
        string?[] calendars = [null, "", cal, cal, cal, NowhereCalendar, "a%23b", "..%2F", "%00", "%E5%AF%BF", new string('x', 65), $"{cal}&calendar={cal}", $"{cal}%0D%0A", "%20" + cal, $"{cal}&Calendar={NowhereCalendar}"];
        string?[] dates = [null, null, "", "2025-13-01", "0000-01-01", "9999-12-31", "2025-10-15T00:00", "2025-10-15T00:00:00%2B25:00", "2025-10-15T00:00:00+08:00", "yesterday", "%00", "1899-12-31", "2025-10-15%20", "2025-01-01", "2026-12-31", "2025-02-30", "2025-10-15T00:00:00Z"];
        string?[] pageSizes = [null, null, "-1", "0", "201", "", "NaN", "1e2", "2147483648", "99999999999999999999999", "%2B5", "0x10", "5.5", "5", "%205", "1,0"];
        string?[] tokens =
        [
            null, null, "garbage", "not-a-token!", "%FF%FE", "====", "%00", "a%20b", new string('A', 5000),
            PartitionToken(Convert.ToBase64String(Utf8("c.other")), "AAAA"), PartitionToken(partition, "AAAA"), PartitionToken(partition, "!!"), PartitionToken(partition, "////"),
            PartitionToken(partition, "YQ=="), PartitionToken(partition, "+++/"), PartitionToken(partition, ""), PartitionToken(partition, Convert.ToBase64String(new byte[600])),
            Convert.ToBase64String(Utf8("x y")), Convert.ToBase64String(new byte[] { 0xFF, 0xFE, 0x20 }), PartitionToken(partition, "AAAA") + "%00",
        ];
        for (var i = 0; i < count; i++)
        {
            var parts = new List<string>();
            if (Pick(calendars) is { } c) parts.Add("calendar=" + c);
            if (Pick(dates) is { } from) parts.Add("from=" + from);
            if (Pick(dates) is { } to) parts.Add("to=" + to);
            if (Pick(pageSizes) is { } size) parts.Add("pageSize=" + size);
            if (Pick(tokens) is { } token) parts.Add("continuationToken=" + token);
            if (Chance(0.1)) parts.Add("continuationToken=" + Pick(tokens.OfType<string>().ToArray()));
            var path = "/api/events" + (parts.Count == 0 ? "" : "?" + string.Join("&", parts));
            Add(category, "query " + (parts.Count == 0 ? "(none)" : string.Join("&", parts.Select(p => p.Length > 70 ? p[..70] + "…" : p))), HttpMethod.Get, path);
        }
    }

    private void FeedQueries(int count)
    {
        const string category = "feed query abuse";
        string?[] dates = [null, null, "", "2025-13-01", "0000-01-01", "9999-12-31", "1900-01-01", "2200-12-31", "2025-10-15T00:00", "2025-10-15T00:00:00%2B25:00", "tomorrow", "%00", "2025-01-01", "2026-12-31", "2025-10-15T00:00:00Z", "2025-10-15T00:00:00+08:00"];
        string?[] kinds = [null, null, "", "studyTrip", "banquet", "studyTrip,banquet", ",,,", "STUDYTRIP", "studyTrip%00", "%E5%AF%BF", new string('k', 5000), "studyTrip,trainingLecture", "studyTrip%0D%0AX", "%20"];
        string?[] banners = [null, null, "", "maybe", "TRUE", "2", "%00", "yes", "falsey", "true&banners=false", "-1"];
        string?[] tokens = [null, null, "", "garbage", new string('a', 52), new string('A', 52), new string('a', 51), new string('a', 53), "%00", "..%2F..%2F", new string('0', 20) + new string('z', 32), new string('t', 3000), "a%20" + new string('a', 49)];
        string?[] ifNoneMatch = [null, null, null, "*", "garbage", "\"abc\"", "W/\"x\"", ",,,", new string('"', 5000), "\"a\", W/\"b\", *"];
        string?[] ifModifiedSince = [null, null, null, "garbage", "Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 32 Foo 2025 99:99:99 GMT", "0"];
        for (var i = 0; i < count; i++)
        {
            var parts = new List<string>();
            if (Pick(dates) is { } from) parts.Add("from=" + from);
            if (Pick(dates) is { } to) parts.Add("to=" + to);
            if (Pick(kinds) is { } kind) parts.Add("kind=" + kind);
            if (Pick(banners) is { } banner) parts.Add("banners=" + banner);
            if (Pick(tokens) is { } token) parts.Add("token=" + token);
            var headers = new List<KeyValuePair<string, string>>();
            if (Pick(ifNoneMatch) is { } inm) headers.Add(Header("If-None-Match", inm));
            if (Pick(ifModifiedSince) is { } ims) headers.Add(Header("If-Modified-Since", ims));
            var agenda = _random.Next(10) switch
            {
                < 6 => $"/api/calendars/{_t.Calendar}/feed.ics",
                < 8 => $"/api/people/{_t.Person}/feed.ics",
                8 => $"/api/calendars/{NowhereCalendar}/feed.ics",
                _ => $"/api/calendars/{ScratchCalendar}/feed.ics",
            };
            var method = Chance(0.2) ? HttpMethod.Head : HttpMethod.Get;
            var query = parts.Count == 0 ? "" : "?" + string.Join("&", parts);
            Add(category, $"{agenda.Replace("/api/", "")} {(parts.Count == 0 ? "(no query)" : string.Join("&", parts.Select(p => p.Length > 60 ? p[..60] + "…" : p)))}", method, agenda + query, headers: headers);
        }
    }

    private void Pages(int count)
    {
        const string category = "page query abuse";
        string?[] tokens = [null, "", "garbage", new string('a', 52), new string('a', 51), "%00", "..%2F", new string('t', 3000), "%E5%AF%BF", "a&token=b", "%0D%0A"];
        for (var i = 0; i < count; i++)
        {
            var path = _random.Next(6) switch
            {
                0 or 1 => $"/api/calendars/{_t.Calendar}/page",
                2 or 3 => $"/api/events/{_t.EventId}/page",
                4 => $"/api/events/{MissingEvent}/page",
                _ => $"/api/calendars/{NowhereCalendar}/page",
            };
            var token = Pick(tokens);
            var query = token is null ? "" : "?token=" + token + (Chance(0.3) ? "&from=garbage&kind=banquet" : "");
            var name = (path + query).Replace(_t.EventId, "{event}");
            if (name.Length > 120) name = name[..120] + "…";
            var headers = Chance(0.2) ? new List<KeyValuePair<string, string>> { Header("If-None-Match", "*") } : null;
            Add(category, name, HttpMethod.Get, path + query, headers: headers);
        }
    }

    private void SubscriptionBodies()
    {
        const string category = "subscription bodies";
        string[] bodies =
        [
            "{}", "{\"label\":\"\"}", "{\"label\":\"   \"}", "{\"label\":null}", "{\"label\":\"x\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}",
            "{\"label\":\"x\",\"expiresAt\":\"2025-10-15\"}", "{\"label\":\"x\",\"expiresAt\":\"2099-12-31T16:00\"}", "{\"label\":\"x\",\"expiresAt\":1893456000}",
            "{\"label\":\"x\",\"expiresAt\":true}", "{\"label\":\"x\",\"token\":\"abc\"}", "{\"label\":\"x\",\"id\":\"abc\"}", "{\"label\":\"x\",\"secretHash\":\"AAAA\"}",
            "{\"label\":[\"x\"]}", "{\"Label\":\"x\"}", "{\"label\":\"x\",\"expiresAt\":\"2099-12-31T16:00:00+25:00\"}", "{\"label\":\"x\",\"expiresAt\":\"-2099-12-31T16:00:00Z\"}",
            "{\"label\":\"x\",\"expiresAt\":\"2099-12-31T16:00:00Z\",\"agenda\":\"c.other\"}", "{\"label\":\"x\\u0000y\"}", "{\"label\":\"x\",\"expiresAt\":{}}", "[{\"label\":\"x\"}]",
            "\"label\"", "{\"label\":\"x\",\"expiresAt\":\"2099-12-31T16:00:00Z\",\"lastFetchedAt\":\"2099-01-01T00:00:00Z\"}",
        ];
        foreach (var body in bodies) Send(category, body.Length > 80 ? body[..80] + "…" : body, Target.Subscription, Utf8(body));
        Add(category, "POST subscriptions of a missing calendar with a valid body", HttpMethod.Post, $"/api/calendars/{NowhereCalendar}/subscriptions", new Doc(SubscriptionBase()).Bytes());
        Add(category, "POST subscriptions of a missing person with a valid body", HttpMethod.Post, "/api/people/hostile-nobody/subscriptions", new Doc(SubscriptionBase()).Bytes());
        Add(category, "DELETE a subscription that does not exist", HttpMethod.Delete, $"/api/calendars/{_t.Calendar}/subscriptions/{new string('a', 20)}");
    }

    private void PeopleBodies()
    {
        const string category = "people bodies";
        foreach (var email in new[] { "a", "@b.cn", "a@", "a@@b.cn", "a b@c.cn", "<a@b.cn>", "a@b.cn,c@d.cn", "a;b@c.cn", "a\"b@c.cn", "a:b@c.cn", "a@b c.cn", "李@", "mailto:a@b.cn" })
            Send(category, $"email := '{email}'", Target.Person, new Doc(PersonBase()).Set("email", email).Bytes());
        foreach (var zone in new[] { "Mars/Olympus_Mons", "UTC+8", "+08:00", "../../etc/localtime", "Asia/Shanghai/", "Asia/Shanghai\u0000", "/usr/share/zoneinfo/Asia/Shanghai", "China Standard Time" })
            Send(category, $"timeZone := {JsonSerializer.Serialize(zone)}", Target.Person, new Doc(PersonBase()).Set("timeZone", zone).Bytes());
        Send(category, "no name", Target.Person, new Doc(PersonBase()).Remove("name").Bytes());
        Send(category, "name empty", Target.Person, new Doc(PersonBase()).Set("name", "").Bytes());
        Send(category, "name blank", Target.Person, new Doc(PersonBase()).Set("name", " \t ").Bytes());
        Send(category, "unknown field phone", Target.Person, new Doc(PersonBase()).Set("phone", "123").Bytes());
        Send(category, "unknown field Name (case)", Target.Person, new Doc(PersonBase()).Set("Name", "x").Bytes());
        Add(category, "body id other than the URL's", HttpMethod.Put, $"/api/people/{_t.Person}", new Doc(PersonBase()).Set("id", "someone-else").Bytes());
        Add(category, "body id differing in case", HttpMethod.Put, $"/api/people/{_t.Person}", new Doc(PersonBase()).Set("id", _t.Person.ToUpperInvariant()).Bytes());
        Add(category, "body id with a trailing space", HttpMethod.Put, $"/api/people/{_t.Person}", new Doc(PersonBase()).Set("id", _t.Person + " ").Bytes());
        Add(category, "body id as a number", HttpMethod.Put, $"/api/people/{_t.Person}", new Doc(PersonBase()).Set("id", 5).Bytes());
    }

    private void CalendarBodies()
    {
        const string category = "calendar bodies";
        Doc Calendar() => new(CalendarBase());
        foreach (var visibility in new[] { "Public", "PUBLIC", "secret", "internal", "public\u0000", "公开" })
            Send(category, $"visibility := {JsonSerializer.Serialize(visibility)}", Target.Calendar, Calendar().Set("visibility", visibility).Bytes());
        foreach (var banners in new[] { "\"true\"", "\"yes\"", "1", "0", "\"false\"", "[true]" })
            Send(category, $"banners := {banners}", Target.Calendar, Calendar().Raw("banners", banners).Bytes());
        foreach (var zone in new[] { "Mars/Olympus_Mons", "UTC+8", "Asia/Shanghai/", "../../../etc/passwd", "Asia/Beijing" })
            Send(category, $"timeZone := '{zone}'", Target.Calendar, Calendar().Set("timeZone", zone).Bytes());
        Send(category, "no name", Target.Calendar, Calendar().Remove("name").Bytes());
        Send(category, "name empty", Target.Calendar, Calendar().Set("name", "").Bytes());
        Send(category, "name blank", Target.Calendar, Calendar().Set("name", "   ").Bytes());
        Send(category, "unknown field color", Target.Calendar, Calendar().Set("color", "#ff0000").Bytes());
        Send(category, "unknown field events", Target.Calendar, Calendar().Set("events", new JsonArray()).Bytes());
        Add(category, "body id other than the URL's", HttpMethod.Put, $"/api/calendars/{_t.Calendar}", Calendar().Set("id", "another-calendar").Bytes());
        Add(category, "body id differing in case", HttpMethod.Put, $"/api/calendars/{_t.Calendar}", Calendar().Set("id", _t.Calendar.ToUpperInvariant()).Bytes());
        Add(category, "body id with a trailing space", HttpMethod.Put, $"/api/calendars/{_t.Calendar}", Calendar().Set("id", _t.Calendar + " ").Bytes());
        Add(category, "body id true", HttpMethod.Put, $"/api/calendars/{_t.Calendar}", Calendar().Set("id", true).Bytes());
        Add(category, "body id empty", HttpMethod.Put, $"/api/calendars/{_t.Calendar}", Calendar().Set("id", "").Bytes());
    }

    private void SemanticEvents()
    {
        const string category = "semantic";
        Doc E() => EventDoc();
        var item = JsonNode.Parse("{\"title\":\"t\",\"start\":\"2025-10-15\",\"end\":\"2025-10-15\"}")!;
        (string Name, Doc Doc)[] cases =
        [
            ("201 itinerary items", E().Set("itinerary", new JsonArray(Enumerable.Range(0, 201).Select(_ => item.DeepClone()).ToArray()))),
            ("501 participants", E().Set("participants", new JsonArray(Enumerable.Range(0, 501).Select(n => (JsonNode)new JsonObject { ["name"] = $"p{n}" }).ToArray()))),
            ("21 calendars", E().Set("calendars", new JsonArray(Enumerable.Range(0, 21).Select(n => (JsonNode)JsonValue.Create($"c{n}")).ToArray()))),
            ("a calendar listed twice", E().Set("calendars", new JsonArray(_t.Calendar, _t.Calendar))),
            ("an unknown calendar", E().Set("calendars", new JsonArray(NowhereCalendar))),
            ("a known and an unknown calendar", E().Set("calendars", new JsonArray(_t.Calendar, NowhereCalendar))),
            ("no calendars", E().Set("calendars", new JsonArray())),
            ("no itinerary", E().Set("itinerary", new JsonArray())),
            ("duplicate item ids", E().Set("itinerary[1].id", "hebi-showroom")),
            ("an unknown personId", E().Set("participants[0].personId", "hostile-nobody")),
            ("an unknown personId on an item", E().Set("itinerary[1].participants[0].personId", "hostile-nobody")),
            ("status cancelled", E().Set("status", "cancelled")),
            ("status completed", E().Set("status", "completed")),
            ("status CONFIRMED", E().Set("status", "CONFIRMED")),
            ("lat without lon", E().Remove("itinerary[0].location.lon")),
            ("lon without lat", E().Remove("itinerary[0].location.lat")),
            ("lat 91", E().Set("itinerary[0].location.lat", 91)),
            ("lon -181", E().Set("itinerary[0].location.lon", -181)),
            ("title empty", E().Set("title", "")),
            ("title blank", E().Set("title", " \t\u3000 ")),
            ("kind StudyTrip", E().Set("kind", "StudyTrip")),
            ("kind banquet", E().Set("kind", "banquet")),
            ("kind empty", E().Set("kind", "")),
            ("no kind", E().Remove("kind")),
            ("organizer without name", E().Set("organizer", new JsonObject { ["organization"] = "x" })),
            ("participant without name", E().Set("participants[2]", new JsonObject { ["role"] = "陪同" })),
            ("item without title", E().Remove("itinerary[3].title")),
            ("item without start", E().Remove("itinerary[4].start")),
            ("item without end", E().Remove("itinerary[0].end")),
            ("location without name", E().Set("itinerary[2].location", new JsonObject { ["city"] = "鹤壁" })),
            ("unknown field itinerery", E().Set("itinerery", new JsonArray())),
            ("unknown item field startTime", E().Set("itinerary[0].startTime", "08:30")),
            ("unknown organizer field phone", E().Set("organizer.phone", "123")),
            ("unknown location field zip", E().Set("itinerary[2].location.zip", "458000")),
            ("unknown participant field phone", E().Set("participants[1].phone", "123")),
            ("event timeZone China/Beijing", E().Set("timeZone", "China/Beijing")),
            ("item timeZone Mars/Base", E().Set("itinerary[3].timeZone", "Mars/Base")),
            ("sessionNumber 0", E().Set("sessionNumber", 0)),
            ("organizer email without @", E().Set("organizer.email", "office.shouyang.example")),
            ("participant email with a space", E().Set("participants[0].email", "li weiping@shouyang.example")),
            ("item id with a slash", E().Set("itinerary[2].id", "a/b")),
            ("item id starting with a dot", E().Set("itinerary[2].id", ".hidden")),
            ("item id Chinese", E().Set("itinerary[2].id", "寿阳")),
            ("personId with a hash", E().Set("participants[0].personId", "a#b")),
            ("calendar id with a backslash", E().Set("calendars[0]", "a\\b")),
            ("removedItems of the wrong shape and an unknown calendar", E().Set("removedItems", 5).Set("calendars", new JsonArray(NowhereCalendar))),
        ];
        foreach (var (name, doc) in cases) Send(category, name, Target.Event, doc.Bytes(Chance(0.5)));
        Add(category, "PUT with a body id of another event", HttpMethod.Put, $"/api/events/{_t.EventId}", E().Set("id", "another-event").Bytes(), headers: [Header("If-Match", "\"r1\"")]);
        Add(category, "PUT with a body id differing in case", HttpMethod.Put, $"/api/events/{_t.EventId}", E().Set("id", _t.EventId.ToUpperInvariant()).Bytes(), headers: [Header("If-Match", "\"r1\"")]);
        Add(category, "PUT with a body id and trailing space", HttpMethod.Put, $"/api/events/{_t.EventId}", E().Set("id", _t.EventId + " ").Bytes(), headers: [Header("If-Match", "\"r1\"")]);
        Add(category, "PUT with a stale If-Match and a valid body", HttpMethod.Put, $"/api/events/{_t.EventId}", E().Bytes(), headers: [Header("If-Match", "\"r0\"")]);
        Add(category, "PUT with a weak If-Match and a valid body", HttpMethod.Put, $"/api/events/{_t.EventId}", E().Bytes(), headers: [Header("If-Match", "W/\"r1\"")]);
        Add(category, "DELETE with a stale If-Match", HttpMethod.Delete, $"/api/events/{_t.EventId}", headers: [Header("If-Match", "\"r99\"")]);
        Add(category, "DELETE with a weak If-Match", HttpMethod.Delete, $"/api/events/{_t.EventId}", headers: [Header("If-Match", "W/\"r1\"")]);
        Add(category, "DELETE a missing event", HttpMethod.Delete, $"/api/events/{MissingEvent}");
        Add(category, "PUT a missing event with a valid body", HttpMethod.Put, $"/api/events/{MissingEvent}", E().Bytes(), headers: [Header("If-Match", "\"r1\"")]);
    }
}

/// <summary>A JSON document under construction: structured edits, plus raw JSON text at any path (numbers JSON cannot hold, lone surrogates, duplicates).</summary>
internal sealed class Doc(JsonNode root)
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Escaped = new();
    private readonly List<(string Marker, string Raw)> _raws = [];

    public JsonNode? Get(string path)
    {
        JsonNode? node = root;
        foreach (var segment in Segments(path))
        {
            node = segment is int index
                ? node is JsonArray array && index < array.Count ? array[index] : null
                : node is JsonObject obj && obj.TryGetPropertyValue((string)segment, out var child) ? child : null;
            if (node is null) return null;
        }
        return node;
    }

    public Doc Set(string path, JsonNode? value)
    {
        var segments = Segments(path);
        var parent = Parent(segments);
        if (segments[^1] is int index) parent.AsArray()[index] = value;
        else parent.AsObject()[(string)segments[^1]] = value;
        return this;
    }

    public Doc Raw(string path, string json)
    {
        var marker = $"@@raw{_raws.Count}@@";
        _raws.Add((marker, json));
        return Set(path, JsonValue.Create(marker));
    }

    public Doc Remove(string path)
    {
        var segments = Segments(path);
        var parent = Parent(segments);
        if (segments[^1] is int index) parent.AsArray().RemoveAt(index);
        else parent.AsObject().Remove((string)segments[^1]);
        return this;
    }

    public string Text(bool relaxed = true)
    {
        var text = root.ToJsonString(relaxed ? Relaxed : Escaped);
        foreach (var (marker, raw) in _raws) text = text.Replace($"\"{marker}\"", raw);
        return text;
    }

    public byte[] Bytes(bool relaxed = true) => Encoding.UTF8.GetBytes(Text(relaxed));

    private JsonNode Parent(List<object> segments)
    {
        var node = root;
        foreach (var segment in segments.Take(segments.Count - 1))
            node = (segment is int index ? node[index] : node[(string)segment]) ?? throw new InvalidOperationException($"No parent at {segment}");
        return node;
    }

    private static List<object> Segments(string path)
    {
        var result = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[');
            if (bracket < 0)
            {
                result.Add(part);
                continue;
            }
            if (bracket > 0) result.Add(part[..bracket]);
            foreach (Match match in Regex.Matches(part[bracket..], @"\[(\d+)\]")) result.Add(int.Parse(match.Groups[1].Value));
        }
        return result;
    }
}
