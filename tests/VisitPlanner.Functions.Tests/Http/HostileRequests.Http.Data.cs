namespace VisitPlanner.Functions.Tests.Http;

/// <summary>Ids Table Storage cannot key, wrong media types, methods a route does not have.</summary>
internal sealed partial class HostileRequests
{
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
}
