using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using NodaTime;
using VisitPlanner.Testing.Hosting;
using VisitPlanner.Testing;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>Organizers on flaky networks retry: a retry with the same Idempotency-Key must not create a second event.</summary>
public class IdempotencyTests(TestHost host) : IClassFixture<TestHost>
{
    private static async Task<HttpResponseMessage> PostAsync(TestHost on, string json, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = TestHost.Json(json) };
        request.Headers.Add("Idempotency-Key", key);
        return await on.Client.SendAsync(request);
    }

    private static async Task<string> CalendarAsync(TestHost on)
    {
        var calendar = "idem-" + Guid.NewGuid().ToString("N")[..8];
        await on.PutCalendarAsync(calendar);
        return calendar;
    }

    private static async Task<int> EventCountAsync(TestHost on, string calendar) =>
        (await AssertJsonAsync(await on.Client.GetAsync($"/api/events?calendar={calendar}&pageSize=200"), HttpStatusCode.OK)).GetProperty("events").GetArrayLength();

    [Fact]
    public async Task ARetryReturnsTheOriginalAnswerAndCreatesNothingNew()
    {
        var calendar = await CalendarAsync(host);
        var body = SeedEvents.ShouyangAerospaceVisitJson(calendar);
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(host, body, key);
        var retry = await PostAsync(host, body, key);

        var (original, replayed) = (await AssertJsonAsync(first, HttpStatusCode.Created), await AssertJsonAsync(retry, HttpStatusCode.Created));
        Assert.Equal(original.ToString(), replayed.ToString());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await EventCountAsync(host, calendar));
        var feed = FeedParsers.ParseWithIcalJs(await host.Client.GetStringAsync($"/api/calendars/{calendar}/feed.ics?from=2025-01-01&to=2026-12-31"));
        Assert.Equal(7, feed.Events.Count);
    }

    [Fact]
    public async Task ConcurrentRetriesStillMakeOneEvent()
    {
        var calendar = await CalendarAsync(host);
        var body = SeedEvents.ShouyangAerospaceVisitJson(calendar);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync(host, body, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.Equal(1, await EventCountAsync(host, calendar));
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBodyIs422()
    {
        var calendar = await CalendarAsync(host);
        var key = Guid.NewGuid().ToString();
        await AssertJsonAsync(await PostAsync(host, SeedEvents.ShouyangAerospaceVisitJson(calendar), key), HttpStatusCode.Created);

        var reused = await PostAsync(host, SeedEvents.ShouyangAerospaceVisitJson(n => n["title"] = "另一次考察", calendar), key);

        await AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.Equal(1, await EventCountAsync(host, calendar));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData(null)]
    public async Task ABadKeyIs400(string? key)
    {
        key ??= new string('k', 256);
        var calendar = await CalendarAsync(host);

        await AssertProblemAsync(await PostAsync(host, SeedEvents.ShouyangAerospaceVisitJson(calendar), key), HttpStatusCode.BadRequest, "Idempotency-Key");
        Assert.Equal(0, await EventCountAsync(host, calendar));
    }

    [Fact]
    public async Task AnInvalidBodyDoesNotUseUpTheKey()
    {
        var calendar = await CalendarAsync(host);
        var key = Guid.NewGuid().ToString();

        await AssertProblemAsync(await PostAsync(host, SeedEvents.ShouyangAerospaceVisitJson(n => n["kind"] = "banquet", calendar), key), HttpStatusCode.BadRequest, "kind");
        await AssertJsonAsync(await PostAsync(host, SeedEvents.ShouyangAerospaceVisitJson(calendar), key), HttpStatusCode.Created);
    }

    [Fact]
    public async Task AnItemWithABlankZoneIsRefusedAndTheKeyStaysFreeForTheCorrectedRetry()
    {
        var calendar = await CalendarAsync(host);
        var key = Guid.NewGuid().ToString();
        var onlyItemWithoutZone = SeedEvents.ShouyangAerospaceVisitJson(n =>
        {
            n["itinerary"] = new JsonArray(n["itinerary"]![0]!.DeepClone());
            n["itinerary"]![0]!["timeZone"] = "";
        }, calendar);

        await AssertProblemAsync(await PostAsync(host, onlyItemWithoutZone, key), HttpStatusCode.BadRequest, "itinerary[0].timeZone");
        var created = await AssertJsonAsync(await PostAsync(host, SeedEvents.ShouyangAerospaceVisitJson(calendar), key), HttpStatusCode.Created);

        Assert.Equal(6, created.GetProperty("itinerary").GetArrayLength());
    }

    [Fact]
    public async Task KeysExpireAfterTwentyFourHours()
    {
        var clock = new FakeClock(SystemClock.Instance.GetCurrentInstant());
        await using var timed = await TestHost.StartAsync(new Dictionary<string, string?>(), services: s => s.AddSingleton<IClock>(clock));
        var calendar = await CalendarAsync(timed);
        var body = SeedEvents.ShouyangAerospaceVisitJson(calendar);
        var key = Guid.NewGuid().ToString();
        var first = await PostAsync(timed, body, key);

        clock.Advance(Duration.FromHours(23));
        var withinADay = await PostAsync(timed, body, key);
        clock.Advance(Duration.FromHours(2));
        var afterADay = await PostAsync(timed, body, key);

        Assert.Equal(first.Headers.Location, withinADay.Headers.Location);
        Assert.Equal(HttpStatusCode.Created, afterADay.StatusCode);
        Assert.NotEqual(first.Headers.Location, afterADay.Headers.Location);
        Assert.Equal(2, await EventCountAsync(timed, calendar));
    }
}
