using System.Text.Json.Nodes;
using System.Text.Json;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>Text that must not pass: control characters, CR/LF injection, lone surrogates; and Unicode that must.</summary>
internal sealed partial class HostileRequests
{
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

    /// <summary>Strings that say nothing: "" and blanks in every text field, and text made only of invisible characters.</summary>
    private void EmptyAndInvisibleText()
    {
        // Formatted fields refuse "" themselves; free text takes a blank as no text, so those bodies carry a guard.
        const string category = "empty and invisible text";
        string[] nothings = ["", " ", "\t", "\u3000", "\u200b", "\u2060", "\ufeff", "\u200b\u2060\ufeff", "\u00ad", "\u3164", "\u0301"];
        foreach (var (target, path, _) in TextFields())
        {
            var nothing = Pick(nothings);
            Send(category, $"{target} {path} = \"{Escape(nothing)}\" (+ guard)", target, GuardedDoc(target).Set(path, nothing).Bytes(Chance(0.5)));
        }
        (string Path, string Value)[] formatted =
        [
            ("timeZone", ""), ("itinerary[1].timeZone", ""), ("itinerary[0].timeZone", "   "), ("status", ""), ("kind", " "),
            ("participants[0].personId", ""), ("participants[1].email", ""), ("organizer.email", "\t"), ("itinerary[2].id", ""),
            ("itinerary[3].start", " "), ("itinerary[4].end", ""), ("calendars[0]", ""), ("title", "\u200b\u2060\ufeff"),
            ("itinerary[5].title", "\u200b"), ("participants[3].name", "\u2060"), ("organizer.name", "\ufeff"),
        ];
        foreach (var (path, value) in formatted)
            Send(category, $"Event {path} = \"{Escape(value)}\"", Target.Event, EventDoc().Set(path, value).Bytes(Chance(0.5)));
        Send(category, "Calendar visibility = \"\"", Target.Calendar, new Doc(CalendarBase()).Set("visibility", "").Bytes());
        Send(category, "Calendar timeZone = \" \"", Target.Calendar, new Doc(CalendarBase()).Set("timeZone", " ").Bytes());
        Send(category, "Person email = \"\"", Target.Person, new Doc(PersonBase()).Set("email", "").Bytes());
        Send(category, "Person timeZone = \"\"", Target.Person, new Doc(PersonBase()).Set("timeZone", "").Bytes());
        Send(category, "Subscription expiresAt = \"\"", Target.Subscription, new Doc(SubscriptionBase()).Set("expiresAt", "").Bytes());
        Send(category, "Subscription label of invisible characters", Target.Subscription, new Doc(SubscriptionBase()).Set("label", "\u200b\ufeff").Bytes());
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}"));
}
