using System.Text.Json;
using System.Text;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>Bodies that are not JSON the server accepts: truncated, flipped, random, duplicate keys, deep nesting, BOMs, empty, trailing garbage, non-UTF-8.</summary>
internal sealed partial class HostileRequests
{
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
}
