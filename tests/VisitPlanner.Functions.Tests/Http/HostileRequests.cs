using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using VisitPlanner.Core.Json;
using VisitPlanner.Functions.Http;
using VisitPlanner.Testing;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>
/// Generates malformed and hostile requests from a seeded <see cref="Random"/>. Every request that could write is
/// invalid by construction: bad syntax, a wrong type or value in a field the server validates, an id the API refuses,
/// a media type it refuses, or a method the route does not have. Bodies that might otherwise be valid carry a guard
/// (an unknown calendar, an unknown field) that the API documents as an error.
/// </summary>
internal sealed partial class HostileRequests
{
    public const string Json = "application/json";
    public const string MissingEvent = "hostile-missing-event";
    public const string NowhereCalendar = "hostile-nowhere";
    public const string ScratchCalendar = "hostile-scratch";
    public const string ScratchPerson = "hostile-scratch-person";
    /// <summary>The product's own body limit and parser options: the cases are made against what the server enforces.</summary>
    public const int MaxBytes = JsonRequest.MaxBytes;

    private static readonly JsonDocumentOptions ServerParse = JsonOutput.ParseOptions;

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
        EmptyAndInvisibleText();
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
        ExplicitOffsets();
    }
}
