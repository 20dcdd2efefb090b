namespace VisitPlanner.Functions.Tests.Http;

/// <summary>Query-string abuse on listings, feeds and pages.</summary>
internal sealed partial class HostileRequests
{
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
}
