using System.Net;
using System.Text.Json.Nodes;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Services;
using VisitPlanner.Testing;
using VisitPlanner.Testing.Hosting;
using Xunit.Abstractions;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Reliability;

/// <summary>
/// What one event may make a feed, and what a feed may make an instance: an event too large for a feed is refused when
/// it is posted; a feed over its bound is refused with a problem that says how to narrow it; and however many polls
/// arrive with different windows, renders run a few at a time and memory stays within the cache's bound.
/// </summary>
public class FeedBoundsTests(ITestOutputHelper output)
{
    private static JsonArray People(int count, string role = "陪同") =>
        new(Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["name"] = $"陪同人员{i:000}", ["organization"] = "寿阳经济技术开发区", ["role"] = role }).ToArray());

    private static JsonArray Stops(int count) =>
        new(Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["title"] = $"站 {i}", ["start"] = $"2025-10-{15 + i / 100:00}T{8 + i % 10:00}:00", ["end"] = $"2025-10-{15 + i / 100:00}T{8 + i % 10:00}:30" }).ToArray());

    [Fact]
    public async Task AnEventTooLargeForAFeedIsRefusedWhenPostedAndNothingIsWritten()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync("bounded")).StatusCode);
        // 500 people who all lead (带队), on 200 stops: every stop's entry names its leaders, all 500 of them. (A stop
        // names only leaders and its own people, and counts the rest, so 500 who accompany fit: see below.)
        var body = SeedEvents.ShouyangAerospaceVisitJson(n => { n["participants"] = People(500, role: "带队"); n["itinerary"] = Stops(200); }, "bounded");
        output.WriteLine($"body: {body.Length / 1024} KiB");

        var started = System.Diagnostics.Stopwatch.StartNew();
        var problem = await AssertProblemAsync(await host.Client.PostAsync("/api/events", TestHost.Json(body)), HttpStatusCode.RequestEntityTooLarge, "itinerary");
        output.WriteLine($"refused in {started.ElapsedMilliseconds} ms: {problem.GetProperty("detail").GetString()}");

        Assert.Contains($"{EventFeedLimit.MaxBytes / 1024} KiB", problem.GetProperty("detail").GetString());
        Assert.Contains("\"events\":[]", await host.Client.GetStringAsync("/api/events?calendar=bounded"));
        // The same leaders on a few stops fit, and so do 500 who accompany on all 200.
        var fewer = SeedEvents.ShouyangAerospaceVisitJson(n => { n["participants"] = People(500, role: "带队"); n["itinerary"] = Stops(4); }, "bounded");
        await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(fewer)), HttpStatusCode.Created);
        var accompanied = SeedEvents.ShouyangAerospaceVisitJson(n => { n["participants"] = People(500); n["itinerary"] = Stops(200); }, "bounded");
        await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(accompanied)), HttpStatusCode.Created);
    }

    [Fact]
    public async Task AFeedOverItsBoundIsRefusedSayingHowToNarrowIt()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["VisitPlanner:Feeds:MaxFeedMegabytes"] = "1" });
        Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync("full")).StatusCode);
        // 200 events of six stops over November and December: 1,200 entries, well over 1 MiB however small each is.
        for (var day = 0; day < 200; day++)
        {
            var date = new NodaTime.LocalDate(2025, 11, 1).PlusDays(day % 60).ToString("yyyy-MM-dd", null);
            var body = SeedEvents.ShouyangAerospaceVisitJson(n =>
            {
                n["participants"] = People(10);
                n["itinerary"] = new JsonArray(Enumerable.Range(0, 6).Select(i => (JsonNode)new JsonObject
                {
                    ["title"] = $"站 {i}", ["start"] = $"{date}T{8 + i:00}:00", ["end"] = $"{date}T{8 + i:00}:45",
                }).ToArray());
            }, "full");
            await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(body)), HttpStatusCode.Created);
        }

        var whole = await host.Client.GetAsync("/api/calendars/full/feed.ics?from=2025-11-01&to=2025-12-31");
        var problem = await AssertProblemAsync(whole, HttpStatusCode.BadRequest, "window");
        Assert.Contains("narrow it with from and to", problem.GetProperty("detail").GetString());
        var again = await host.Client.GetAsync("/api/calendars/full/feed.ics?from=2025-11-01&to=2025-12-31");
        await AssertProblemAsync(again, HttpStatusCode.BadRequest, "window");

        var week = await host.Client.GetAsync("/api/calendars/full/feed.ics?from=2025-11-01&to=2025-11-07");
        Assert.Equal(HttpStatusCode.OK, week.StatusCode);
        Assert.True(week.Content.Headers.ContentLength < 1024 * 1024);
    }

    [Fact]
    public async Task AThousandPollsWithDistinctWindowsRenderAFewAtATimeWithinBoundedMemory()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["VisitPlanner:Feeds:RenderedMegabytes"] = "2",
            ["VisitPlanner:Feeds:MaxConcurrentRenders"] = "4",
            ["VisitPlanner:Feeds:RenderWaitSeconds"] = "60",
        });
        Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync("polled")).StatusCode);
        for (var i = 0; i < 10; i++)
        {
            var body = SeedEvents.ShouyangAerospaceVisitJson(n => { n["title"] = $"考察 {i}"; n["participants"] = People(5); }, "polled");
            await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(body)), HttpStatusCode.Created);
        }
        var single = await host.Client.GetByteArrayAsync("/api/calendars/polled/feed.ics?from=2025-10-01&to=2025-10-31");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        // Windows that differ by their start instant, a second apart: 1,000 distinct feeds, all holding every event.
        // The client keeps only each answer's status and length, so what stays in memory is the server's.
        async Task<(HttpStatusCode Status, int Length)[]> BurstAsync(int hour, int windows) => await Task.WhenAll(Enumerable.Range(0, windows).Select(async i =>
        {
            using var response = await host.Client.GetAsync(
                $"/api/calendars/polled/feed.ics?from={Uri.EscapeDataString($"2025-09-30T{hour:00}:{i / 60 % 60:00}:{i % 60:00}+08:00")}&to=2025-10-31",
                HttpCompletionOption.ResponseHeadersRead);
            return (response.StatusCode, (await response.Content.ReadAsByteArrayAsync()).Length);
        }));

        var first = await BurstAsync(hour: 1, windows: 1000);
        var afterFirst = GC.GetTotalMemory(forceFullCollection: true) - before;
        var second = await BurstAsync(hour: 2, windows: 300);
        var afterSecond = GC.GetTotalMemory(forceFullCollection: true) - before;

        var gate = host.GetService<FeedRenderGate>();
        var cache = host.GetService<FeedCache>();
        output.WriteLine($"feed {single.Length / 1024} KiB; most renders at once {gate.MostRunning}; rendered feeds kept {cache.RenderedBytes / 1048576.0:0.0} MiB; " +
            $"heap retained after 1,000 renders {afterFirst / 1048576.0:0.0} MiB, after 300 more {afterSecond / 1048576.0:0.0} MiB");
        Assert.All(first.Concat(second), r => Assert.Equal((HttpStatusCode.OK, single.Length), r));
        Assert.InRange(gate.MostRunning, 1, 4);
        Assert.InRange(cache.RenderedBytes, 1, 2L * 1024 * 1024);
        // More windows keep no more: what stays is the bounded cache and the server's connection buffers, not feeds.
        Assert.True(afterSecond - afterFirst < 16L * 1024 * 1024, $"{(afterSecond - afterFirst) / 1048576.0:0.0} MiB more after 300 more windows");
    }
}
