using System.Net;
using System.Text.Json;
using VisitPlanner.Testing.Hosting;
using VisitPlanner.Testing;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>Private calendars and their secret feed URLs, as a subscriber's client uses them.</summary>
public class SubscriptionApiTests(TestHost host) : IClassFixture<TestHost>
{
    private async Task<string> PrivateCalendarWithVisitAsync()
    {
        var id = "private-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync(id, visibility: "private")).StatusCode);
        await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(id))), HttpStatusCode.Created);
        return id;
    }

    private async Task<JsonElement> SubscribeAsync(string calendar, string label = "李卫平's phone") =>
        await AssertJsonAsync(await host.Client.PostAsync($"/api/calendars/{calendar}/subscriptions", TestHost.Json($$"""{"label":"{{label}}"}""")), HttpStatusCode.Created);

    private static string Window(string feedUrl) => feedUrl + (feedUrl.Contains('?') ? "&" : "?") + "from=2025-01-01&to=2026-12-31";

    [Fact]
    public async Task APrivateCalendarsPlainFeedIsNotFoundButItsSecretUrlWorks()
    {
        var calendar = await PrivateCalendarWithVisitAsync();

        var plain = await host.Client.GetAsync($"/api/calendars/{calendar}/feed.ics");
        var subscription = await SubscribeAsync(calendar);
        var feedUrl = subscription.GetProperty("feedUrl").GetString()!;
        var secret = await host.Client.GetAsync(Window(feedUrl));

        await AssertProblemAsync(plain, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, secret.StatusCode);
        Assert.Equal(7, FeedParsers.ParseWithIcalJs(await secret.Content.ReadAsStringAsync()).Events.Count);
        Assert.Equal((true, false, TimeSpan.FromMinutes(5)), (secret.Headers.CacheControl!.Private, secret.Headers.CacheControl.Public, secret.Headers.CacheControl.MaxAge));
    }

    [Fact]
    public async Task ASubscriptionComesWithEveryWayToSubscribe()
    {
        var calendar = await PrivateCalendarWithVisitAsync();

        var subscription = await SubscribeAsync(calendar);

        var feedUrl = subscription.GetProperty("feedUrl").GetString()!;
        var token = new Uri(feedUrl).Query["?token=".Length..];
        Assert.Equal(52, token.Length);
        Assert.Equal(new Uri(host.Client.BaseAddress!, $"/api/calendars/{calendar}/feed.ics?token={token}").ToString(), feedUrl);
        Assert.Equal("webcal" + feedUrl["http".Length..], subscription.GetProperty("webcalUrl").GetString());
        Assert.Equal($"https://calendar.google.com/calendar/r?cid={Uri.EscapeDataString("webcal" + feedUrl["http".Length..])}", subscription.GetProperty("googleUrl").GetString());
        Assert.StartsWith($"https://outlook.office.com/calendar/0/addfromweb?url={Uri.EscapeDataString(feedUrl)}&name=", subscription.GetProperty("outlookUrl").GetString());
        Assert.Equal(feedUrl.Replace("/feed.ics", "/page"), subscription.GetProperty("pageUrl").GetString());
    }

    [Fact]
    public async Task ListingShowsLabelsAndUseButNeverTheToken()
    {
        var calendar = await PrivateCalendarWithVisitAsync();
        var subscription = await SubscribeAsync(calendar, "王勇's laptop");
        await host.Client.GetAsync(Window(subscription.GetProperty("feedUrl").GetString()!));

        var response = await host.Client.GetAsync($"/api/calendars/{calendar}/subscriptions");
        var text = await response.Content.ReadAsStringAsync();

        var listed = Assert.Single((await AssertJsonAsync(response, HttpStatusCode.OK)).GetProperty("subscriptions").EnumerateArray());
        Assert.Equal("王勇's laptop", listed.GetProperty("label").GetString());
        Assert.Equal(subscription.GetProperty("id").GetString(), listed.GetProperty("id").GetString());
        Assert.True(listed.TryGetProperty("lastFetchedAt", out _));
        Assert.DoesNotContain(new Uri(subscription.GetProperty("feedUrl").GetString()!).Query["?token=".Length..], text);
        Assert.False(listed.TryGetProperty("feedUrl", out _));
    }

    [Fact]
    public async Task ARevokedUrlStopsWorkingAtOnce()
    {
        var calendar = await PrivateCalendarWithVisitAsync();
        var subscription = await SubscribeAsync(calendar);
        var feedUrl = Window(subscription.GetProperty("feedUrl").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(feedUrl)).StatusCode);

        var revoked = await host.Client.DeleteAsync($"/api/calendars/{calendar}/subscriptions/{subscription.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await AssertProblemAsync(await host.Client.GetAsync(feedUrl), HttpStatusCode.NotFound);
        await AssertProblemAsync(await host.Client.DeleteAsync($"/api/calendars/{calendar}/subscriptions/{subscription.GetProperty("id").GetString()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AWrongOrForeignTokenLooksLikeNoCalendarAtAll()
    {
        var (mine, other) = (await PrivateCalendarWithVisitAsync(), await PrivateCalendarWithVisitAsync());
        var token = new Uri((await SubscribeAsync(mine)).GetProperty("feedUrl").GetString()!).Query["?token=".Length..];
        var forged = token[..20] + new string('a', 32);

        var foreign = await host.Client.GetAsync($"/api/calendars/{other}/feed.ics?token={token}");
        var wrongSecret = await host.Client.GetAsync($"/api/calendars/{mine}/feed.ics?token={forged}");
        var missing = await host.Client.GetAsync($"/api/calendars/no-such-calendar/feed.ics?token={token}");

        var problems = new[] { await AssertProblemAsync(foreign, HttpStatusCode.NotFound), await AssertProblemAsync(wrongSecret, HttpStatusCode.NotFound), await AssertProblemAsync(missing, HttpStatusCode.NotFound) };
        Assert.Equal(problems[0].GetProperty("title").GetString(), problems[2].GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnExpiredSubscriptionNoLongerOpensTheFeed()
    {
        var calendar = await PrivateCalendarWithVisitAsync();
        var soon = DateTimeOffset.UtcNow.AddSeconds(2).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var created = await AssertJsonAsync(await host.Client.PostAsync($"/api/calendars/{calendar}/subscriptions", TestHost.Json($$"""{"label":"visitor","expiresAt":"{{soon}}"}""")), HttpStatusCode.Created);
        var feedUrl = Window(created.GetProperty("feedUrl").GetString()!);

        await Task.Delay(TimeSpan.FromSeconds(3));

        await AssertProblemAsync(await host.Client.GetAsync(feedUrl), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{}""", "label")]
    [InlineData("""{"label":"x","expiresAt":"2020-01-01T00:00:00Z"}""", "expiresAt")]
    [InlineData("""{"label":"x","expiresAt":"tomorrow"}""", "expiresAt")]
    [InlineData("""{"label":"x","token":"mine"}""", "token")]
    public async Task BadSubscriptionRequestsNameTheField(string json, string field)
    {
        var calendar = await PrivateCalendarWithVisitAsync();

        await AssertProblemAsync(await host.Client.PostAsync($"/api/calendars/{calendar}/subscriptions", TestHost.Json(json)), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task SubscriptionsOfAnUnknownCalendarAre404() =>
        await AssertProblemAsync(await host.Client.PostAsync("/api/calendars/nobody/subscriptions", TestHost.Json("""{"label":"x"}""")), HttpStatusCode.NotFound);
}
