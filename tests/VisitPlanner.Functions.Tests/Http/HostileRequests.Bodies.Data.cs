using System.Text.Json.Nodes;
using System.Text.Json;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>Bodies that are well-formed but wrong: each breaks one documented rule.</summary>
internal sealed partial class HostileRequests
{
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

    /// <summary>
    /// Times with explicit offsets: in repeated and skipped hours, at the edges of the offset range, and offsets no clock
    /// has. Valid ones are guarded (an unknown calendar), so each is parsed and checked, never written.
    /// </summary>
    private void ExplicitOffsets()
    {
        const string category = "explicit offsets";
        (string Zone, string Start, string End)[] times =
        [
            ("America/New_York", "2026-11-01T01:30-05:00", "2026-11-01T01:45-05:00"),
            ("America/New_York", "2026-11-01T01:30-04:00", "2026-11-01T01:30-05:00"),
            ("America/New_York", "2026-11-01T01:59:59-04:00", "2026-11-01T01:00-05:00"),
            ("America/New_York", "2026-03-08T02:30-05:00", "2026-03-08T03:30-04:00"),
            ("Europe/Berlin", "2027-03-28T02:30+01:00", "2027-03-28T03:00+02:00"),
            ("Europe/Berlin", "2026-10-25T02:30+02:00", "2026-10-25T02:30+01:00"),
            ("Asia/Shanghai", "2025-10-15T08:30+14:00", "2025-10-15T08:30-12:00"),
            ("Asia/Kathmandu", "2025-10-15T08:30+05:45", "2025-10-15T09:30+05:45"),
            ("Asia/Shanghai", "2025-10-15T00:30Z", "2025-10-15T01:30Z"),
            ("Australia/Lord_Howe", "2026-04-05T01:45+11:00", "2026-04-05T01:45+10:30"),
            ("Asia/Shanghai", "1901-01-01T00:00+08:00", "1901-01-01T01:00+08:00"),
            ("Asia/Shanghai", "2199-12-31T23:00+08:00", "2199-12-31T23:30+08:00"),
            ("Asia/Shanghai", "2025-10-15T08:30+15:00", "2025-10-15T09:30+15:00"),
            ("Asia/Shanghai", "1900-12-31T23:00-01:00", "1900-12-31T23:30-01:00"),
        ];
        foreach (var (zone, start, end) in times)
        {
            var doc = GuardedDoc(Target.Event).Set("itinerary[0].timeZone", zone).Set("itinerary[0].start", start).Set("itinerary[0].end", end);
            Send(category, $"{zone} {start}–{end} (+ guard)", Target.Event, doc.Bytes());
        }
        string[] invalid = ["2025-10-15T08:30+24:00", "2025-10-15T08:30+08:60", "2025-10-15T08:30+8", "2025-10-15T08:30+0800x", "2025-10-15T08:30-00:00:61",
            "1900-12-31T22:59-01:00", "2200-01-01T00:00Z", "2025-10-15T08:30 +08:00", "2025-10-15T08:30+08:00[Asia/Shanghai]"];
        foreach (var start in invalid) Send(category, $"start {start}", Target.Event, EventDoc().Set("itinerary[0].start", start).Bytes());
    }
}
