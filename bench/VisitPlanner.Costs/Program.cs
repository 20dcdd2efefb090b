using System.Diagnostics;
using System.Text.Json.Nodes;
using NodaTime;
using VisitPlanner.Bench;
using VisitPlanner.Costs;
using VisitPlanner.DevTools.Azurite;

// dotnet run -c Release --project bench/VisitPlanner.Costs
// Table Storage transactions per operation, as StorageRequestCounter (an Azure.Core pipeline policy, per retry)
// counts them, over HTTP through the dev host's routing into the function classes, on an in-memory Azurite.
// Two instances of the app share the tables, as Azure runs several: A with the default version-check interval
// (VisitPlanner:Feeds:VersionCheckSeconds = 5) and B with 0, so every poll on B re-checks storage.

var total = Stopwatch.StartNew();
// --trace prints every storage request (Azure.Core's event source) to stderr, to see what a count is made of.
using var trace = args.Contains("--trace")
    ? Azure.Core.Diagnostics.AzureEventSourceListener.CreateConsoleLogger(System.Diagnostics.Tracing.EventLevel.Informational)
    : null;
var root = RepositoryRoot.Find();
Console.Error.WriteLine("Starting Azurite's Table service in memory ...");
await using var azurite = await AzuriteServer.StartAsync(root);
var prefix = "costs" + new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + c % 26)).ToArray());
await using var a = await CostHost.StartAsync("A", root, azurite.ConnectionString, prefix);
await using var b = await CostHost.StartAsync("B", root, azurite.ConnectionString, prefix, versionCheckSeconds: 0);

var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
var today = SystemClock.Instance.GetCurrentInstant().InZone(zone).Date;
var report = new Report();

// ---- Writes -----------------------------------------------------------------------------------------------
report.Section("Writes and reads of single resources",
    "Each row is one HTTP request; the counter is read before and after it. A: default instance.");
report.Add("first storage use of an instance (creates its tables, one request each), GET calendar", "A", await a.GetAsync("/api/calendars/warm-up"));
report.Add("first storage use of an instance (tables exist: one 409 per table), GET calendar", "B", await b.GetAsync("/api/calendars/warm-up"));

const string Calendar = "costs-trips";
var calendarBody = """{"name":"寿阳经开区 外出考察","timeZone":"Asia/Shanghai","visibility":"public"}""";
report.Add("PUT calendar (create)", "A", await a.SendAsync(HttpMethod.Put, $"/api/calendars/{Calendar}", calendarBody));
report.Add("PUT calendar (replace)", "A", await a.SendAsync(HttpMethod.Put, $"/api/calendars/{Calendar}", calendarBody));
report.Add("GET calendar", "A", await a.GetAsync($"/api/calendars/{Calendar}"));

var created = new Dictionary<int, (string Id, string ETag)>();
foreach (var items in new[] { 1, 6, 50, 200 })
{
    var body = items == 6 ? Fixture.Shifted(root, today.PlusDays(14), Calendar) : SyntheticEvents.Body(items, today.PlusDays(20 + items), items, Calendar).ToJsonString();
    var cost = await a.SendAsync(HttpMethod.Post, "/api/events", body);
    report.Add($"POST event, {items} item{(items == 1 ? "" : "s")} ({body.Length / 1024.0:0.#} KiB body){(items == 6 ? ", the Shouyang fixture" : "")}", "A", cost);
    created[items] = Fixture.IdAndETag(cost);
}
var keyed = Fixture.Shifted(root, today.PlusDays(16), Calendar);
var idempotencyKey = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
report.Add("POST event, 6 items, with an Idempotency-Key", "A", await a.SendAsync(HttpMethod.Post, "/api/events", keyed, headers: idempotencyKey));
report.Add("POST event, the same body and Idempotency-Key again (a client's retry)", "A", await a.SendAsync(HttpMethod.Post, "/api/events", keyed, headers: idempotencyKey));
report.Add("GET event (6 items)", "A", await a.GetAsync($"/api/events/{created[6].Id}"));

var replace6 = await a.SendAsync(HttpMethod.Put, $"/api/events/{created[6].Id}",
    Fixture.Shifted(root, today.PlusDays(14), Calendar, n => n["title"] = "航天产业专题考察（鹤壁、北京）· 改期"), ifMatch: created[6].ETag);
report.Add("PUT event (replace, 6 items, If-Match)", "A", replace6);
var replace200 = await a.SendAsync(HttpMethod.Put, $"/api/events/{created[200].Id}",
    SyntheticEvents.Body(200, today.PlusDays(220), 200, Calendar).ToJsonString(), ifMatch: created[200].ETag);
report.Add("PUT event (replace, 200 items, If-Match)", "A", replace200);
var cancel = await a.SendAsync(HttpMethod.Delete, $"/api/events/{created[6].Id}", ifMatch: Fixture.IdAndETag(replace6).ETag);
report.Add("DELETE event (cancel, If-Match)", "A", cancel);

// ---- Writes by the number of people -----------------------------------------------------------------------
report.Section("Writes by the number of people (each a personal feed) and 20 calendars",
    "The Shouyang fixture (6 stops) published to 20 calendars, naming 1, 50 and 500 people by personId: the index is one " +
    "partition per calendar and per person, written 16 at a time, each a locator read and one transaction. Person rows name " +
    "the event; calendar rows carry it. Then 200 stops of 500 people (issue 7 measured such an event: POST 7.5 s, PUT 22 s, " +
    "DELETE 27.5 s), with names only, which fits a feed, and with each person's title, organization, role and email, whose " +
    "feed would exceed 2 MiB and which is refused when posted.");
var calendars20 = Enumerable.Range(0, 20).Select(i => $"costs-audience-{i:00}").ToArray();
foreach (var audience in calendars20) await a.SendAsync(HttpMethod.Put, $"/api/calendars/{audience}", calendarBody);
for (var person = 0; person < 500; person++) (await a.SendAsync(HttpMethod.Put, $"/api/people/costs-person-{person:000}", """{"name":"陪同人员"}""")).Response.Dispose();
foreach (var people in new[] { 1, 50, 500 })
{
    string Staffed(string title) => Fixture.Shifted(root, today.PlusDays(30 + people % 7), calendars20[0], n =>
    {
        n["title"] = title;
        n["calendars"] = new JsonArray(calendars20.Select(c => (JsonNode)c).ToArray());
        n["participants"] = new JsonArray(Enumerable.Range(0, people).Select(p => (JsonNode)new JsonObject { ["name"] = "陪同人员", ["personId"] = $"costs-person-{p:000}" }).ToArray());
    });
    var posted = await a.SendAsync(HttpMethod.Post, "/api/events", Staffed("考察"));
    report.Add($"POST event, {people} {(people == 1 ? "person" : "people")}, 20 calendars", "A", posted);
    var (id, postedTag) = Fixture.IdAndETag(posted);
    var replaced = await a.SendAsync(HttpMethod.Put, $"/api/events/{id}", Staffed("考察 · 改期"), ifMatch: postedTag);
    report.Add($"PUT event, {people} {(people == 1 ? "person" : "people")}, 20 calendars", "A", replaced);
    report.Add($"DELETE event, {people} {(people == 1 ? "person" : "people")}, 20 calendars", "A", await a.SendAsync(HttpMethod.Delete, $"/api/events/{id}", ifMatch: Fixture.IdAndETag(replaced).ETag));
}
var huge = SyntheticEvents.Body(200, today.PlusDays(40), 200, calendars20[0]);
huge["calendars"] = new JsonArray(calendars20.Select(c => (JsonNode)c).ToArray());
huge["participants"] = new JsonArray(Enumerable.Range(0, 500).Select(p => (JsonNode)new JsonObject { ["name"] = "陪同人员", ["personId"] = $"costs-person-{p:000}" }).ToArray());
report.Add($"POST event, 200 stops, 500 people by name, 20 calendars ({huge.ToJsonString().Length / 1024} KiB body)", "A", await a.SendAsync(HttpMethod.Post, "/api/events", huge.ToJsonString()));
huge["participants"] = new JsonArray(Enumerable.Range(0, 500).Select(p => (JsonNode)new JsonObject
{
    ["name"] = "陪同人员", ["title"] = "招商引资专员", ["organization"] = "寿阳经济技术开发区管委会", ["role"] = "陪同", ["email"] = $"person{p:000}@shouyang.example", ["personId"] = $"costs-person-{p:000}",
}).ToArray());
report.Add($"POST event, 200 stops, 500 people in full, 20 calendars ({huge.ToJsonString().Length / 1024} KiB body): too large for a feed", "A", await a.SendAsync(HttpMethod.Post, "/api/events", huge.ToJsonString()));

// ---- Feed polls -------------------------------------------------------------------------------------------
report.Section("Feed polls",
    "Public calendar feed with the default window. A trusts an agenda's version for 5 s; B re-reads it on every poll " +
    "(VersionCheckSeconds = 0), which is what every poll costs on an instance that has not seen the agenda for 5 s.");
var feed = $"/api/calendars/{Calendar}/feed.ics";
var changedA = await a.GetAsync(feed);
report.Add("feed poll, changed (first poll after a write on this instance)", "A", changedA);
var etag = changedA.Response.Headers.ETag!.ToString();
report.Add("feed poll, unchanged, no If-None-Match: 200 from the rendered cache, within the interval", "A", await a.GetAsync(feed));
report.Add("feed poll, unchanged, If-None-Match: 304, within the interval", "A", await a.GetAsync(feed, etag));
report.Add("feed poll, first on an instance that never rendered it (changed, from its view)", "B", await b.GetAsync(feed));
report.Add("feed poll, unchanged, no If-None-Match: 200 from the rendered cache, version re-checked", "B", await b.GetAsync(feed));
report.Add("feed poll, unchanged, If-None-Match: 304, version re-checked", "B", await b.GetAsync(feed, etag));
report.Add("feed poll, unchanged, If-Modified-Since only: 304, version re-checked", "B",
    await b.SendAsyncWithHeader(feed, "If-Modified-Since", changedA.Response.Content.Headers.LastModified!.Value.ToString("R")));
report.Add("HEAD feed, unchanged, version re-checked", "B", await b.SendAsync(HttpMethod.Head, feed));
var write = await a.SendAsync(HttpMethod.Put, $"/api/events/{created[1].Id}",
    SyntheticEvents.Body(1, today.PlusDays(21), 1, Calendar).ToJsonString(), ifMatch: created[1].ETag);
report.Add("(a write on A: PUT event, 1 item)", "A", write);
report.Add("HEAD feed, changed by another instance's write (headers only: renders nothing)", "B", await b.SendAsync(HttpMethod.Head, feed));
report.Add("feed poll, changed by another instance's write, If-None-Match (old tag): 200 rendered", "B", await b.GetAsync(feed, etag));
etag = (await a.GetAsync(feed)).Response.Headers.ETag!.ToString();
var headTrusted = Stopwatch.StartNew();
var writeOnB = await b.SendAsync(HttpMethod.Put, $"/api/events/{created[50].Id}",
    SyntheticEvents.Body(50, today.PlusDays(71), 50, Calendar).ToJsonString(), ifMatch: created[50].ETag);
report.Add("(a write on B: PUT event, 50 items)", "B", writeOnB);
report.Add("feed poll on A within 5 s of A's last version check, old tag: 304, stale (A has not seen B's write)", "A", await a.GetAsync(feed, etag));
await Task.Delay(TimeSpan.FromSeconds(5.2) - headTrusted.Elapsed);
report.Add("feed poll on A once 5 s have passed, old tag: version re-read, 200 rendered", "A", await a.GetAsync(feed, etag));

// Many subscribers polling right after a change: neither the version read nor the render is shared between them.
var burstWrite = await a.SendAsync(HttpMethod.Put, $"/api/events/{created[200].Id}",
    SyntheticEvents.Body(200, today.PlusDays(221), 200, Calendar).ToJsonString(), ifMatch: Fixture.IdAndETag(replace200).ETag);
report.Add("(a write on A: PUT event, 200 items)", "A", burstWrite);
await report.BurstAsync("feed poll right after a write on this instance", a, feed);
await Task.Delay(TimeSpan.FromSeconds(5.2));
await report.BurstAsync("feed poll, unchanged, when the 5 s trust has just lapsed", a, feed);

// A secret URL: the head query also reads the subscription row; the first poll in an hour records lastFetchedAt.
const string Private = "costs-private";
await a.SendAsync(HttpMethod.Put, $"/api/calendars/{Private}", """{"name":"内部 Internal","timeZone":"Asia/Shanghai","visibility":"private"}""");
await a.SendAsync(HttpMethod.Post, "/api/events", Fixture.Shifted(root, today.PlusDays(10), Private));
var subscription = await a.SendAsync(HttpMethod.Post, $"/api/calendars/{Private}/subscriptions", """{"label":"李卫平 phone"}""");
report.Add("POST subscription (issue a secret URL)", "A", subscription);
var secretFeed = new Uri(JsonNode.Parse(await subscription.Response.Content.ReadAsStringAsync())!["feedUrl"]!.GetValue<string>()).PathAndQuery;
var secretFirst = await b.GetAsync(secretFeed);
report.Add("secret-URL poll, first (renders; records lastFetchedAt, at most hourly)", "B", secretFirst);
report.Add("secret-URL poll, unchanged, If-None-Match: 304, version and subscription re-checked in one query", "B",
    await b.GetAsync(secretFeed, secretFirst.Response.Headers.ETag!.ToString()));
report.Add("secret-URL poll with a wrong secret: 404", "B", await b.GetAsync(secretFeed[..^4] + "aaaa"));

// ---- Many windows at once ---------------------------------------------------------------------------------
report.Section("1,000 polls at once, each with a window of its own",
    "Every poll a feed to render (its own ETag): renders run 4 at a time, each bounded to 16 MiB and rendered page by page, " +
    "and the rendered-feed cache keeps 64 MiB. The process is this program (both dev host instances, and the client " +
    "reading and dropping each body); Azurite runs in its own.");
await report.WindowsAsync(b, feed, 1000);

// ---- Listing ----------------------------------------------------------------------------------------------
report.Section("Listing", "GET /api/events?calendar=… reads the calendar, then one page of its agenda partition (without from/to the window is open: oldest first).");
report.Add("list page (default pageSize 50, default window)", "A", await a.GetAsync($"/api/events?calendar={Calendar}"));
var page1 = await a.GetAsync($"/api/events?calendar={Calendar}&pageSize=2");
report.Add("list page 1 of pageSize 2", "A", page1);
var continuation = JsonNode.Parse(await page1.Response.Content.ReadAsStringAsync())!["continuationToken"]?.GetValue<string>();
if (continuation is not null)
    report.Add("list page 2 (continuationToken)", "A", await a.GetAsync($"/api/events?calendar={Calendar}&pageSize=2&continuationToken={Uri.EscapeDataString(continuation)}"));

// ---- Sustained polling ------------------------------------------------------------------------------------
report.Section("Polls under sustained load",
    "16 concurrent clients poll the same feed for the stated time over keep-alive connections; transactions are the counter's delta over the whole run.");
var currentTag = (await a.GetAsync(feed)).Response.Headers.ETag!.ToString();
await report.SustainedAsync("unchanged, If-None-Match (304)", a, feed, currentTag, TimeSpan.FromSeconds(12));
await report.SustainedAsync("unchanged, no If-None-Match (200 from the rendered cache)", a, feed, null, TimeSpan.FromSeconds(12));
await report.SustainedAsync("unchanged, If-None-Match (304), VersionCheckSeconds = 0", b, feed, currentTag, TimeSpan.FromSeconds(5));

// ---- History ----------------------------------------------------------------------------------------------
report.Section("Poll cost vs the calendar's history",
    "Two public calendars with the same 20 events (5 items each) inside the default window and 10, resp. 2,000, past events (5 items each) " +
    "that ended 100 to 800 days ago, outside the window. Changed poll: A re-PUTs the calendar (a new version), then B polls. " +
    "List page: GET /api/events?calendar=…&from=today (pageSize 50). " +
    "Times are medians of 15 polls (5 list pages) through loopback HTTP on Azurite, after a warm-up pass over both, for comparison between the two rows only.");
foreach (var history in new[] { 10, 2000 })
{
    var id = $"costs-hist{history}";
    await a.SendAsync(HttpMethod.Put, $"/api/calendars/{id}", calendarBody);
    var posting = Stopwatch.StartNew();
    var bodies = Enumerable.Range(0, 20).Select(i => SyntheticEvents.Body(i, today.PlusDays(7 + 15 * i), 5, id).ToJsonString())
        .Concat(Enumerable.Range(0, history).Select(i => SyntheticEvents.Body(i, today.PlusDays(-100 - (i * 700 / history)), 5, id).ToJsonString()));
    await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (body, _) =>
    {
        var posted = await a.SendAsync(HttpMethod.Post, "/api/events", body);
        if (posted.Status != 201) throw new InvalidOperationException($"POST event answered {posted.Status}: {await posted.Response.Content.ReadAsStringAsync()}");
    });
    Console.Error.WriteLine($"Posted {20 + history} events to {id} in {posting.Elapsed.TotalSeconds:0.0} s");
}
// A first pass warms both calendars' code paths and caches; the second is reported.
foreach (var record in new[] { false, true })
{
    foreach (var history in new[] { 10, 2000 }) await report.HistoryAsync(history, a, b, $"costs-hist{history}", calendarBody, record, today);
}

Console.WriteLine(report.ToMarkdown(azurite.Port, total.Elapsed, root));
return 0;
