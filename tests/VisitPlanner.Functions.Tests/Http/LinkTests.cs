using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using VisitPlanner.Testing;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>
/// Every absolute link the app hands out (feeds, pages, JSON, subscribe links) points where it should: the configured
/// public base URL, else the site the request came through, under host.json's route prefix. Rendered feeds are cached
/// per instance, so a cache that ignored the site would hand one host's links to another.
/// </summary>
public partial class LinkTests
{
    private const string Window = "from=2025-10-01&to=2025-10-31";

    [GeneratedRegex(@"(?:https?|webcal)://[^\s""'<>\\]+")]
    private static partial Regex AbsoluteUrl();

    /// <summary>Every absolute URL in a text, the ones escaped inside another (Google's and Outlook's add-by-URL links) included.</summary>
    private static IReadOnlyList<string> UrlsIn(string text)
    {
        // Feed lines fold at 75 octets: unfold them first, so a URL is one piece.
        var unfolded = text.Replace("\r\n ", "").Replace("&amp;", "&");
        var urls = AbsoluteUrl().Matches(unfolded).Select(m => m.Value.TrimEnd('.', ',', ';', ')')).ToList();
        foreach (var url in urls.ToArray())
        {
            var query = url.Contains('?') ? url[(url.IndexOf('?') + 1)..] : "";
            foreach (var part in query.Split('&'))
            {
                var value = Uri.UnescapeDataString(part[(part.IndexOf('=') + 1)..]);
                urls.AddRange(AbsoluteUrl().Matches(value).Select(m => m.Value));
            }
        }
        return urls;
    }

    /// <summary>Our own links in a text: everything but the add-by-URL pages of Google and Outlook, and the W3C namespaces of the SVG.</summary>
    private static IReadOnlyList<string> OwnUrlsIn(string text) =>
        UrlsIn(text).Where(u => !u.StartsWith("https://calendar.google.com/", StringComparison.Ordinal)
            && !u.StartsWith("https://outlook.office.com/", StringComparison.Ordinal) && !u.StartsWith("http://www.w3.org/", StringComparison.Ordinal)).ToArray();

    private static async Task<(string Calendar, string EventId)> PublishAsync(TestHost host, string prefix = "/api", string visibility = "public")
    {
        var calendar = "links-" + Guid.NewGuid().ToString("N")[..8];
        using var put = await host.Client.PutAsync($"{prefix}/calendars/{calendar}", TestHost.Json($$"""{"name":"寿阳经开区 外出考察","visibility":"{{visibility}}"}"""));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using var posted = await host.Client.PostAsync($"{prefix}/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(calendar)));
        var created = await AssertJsonAsync(posted, HttpStatusCode.Created);
        return (calendar, created.GetProperty("id").GetString()!);
    }

    private static async Task<HttpResponseMessage> GetAsync(TestHost host, string path, string? hostHeader = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (hostHeader is not null) request.Headers.Host = hostHeader;
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await host.Client.SendAsync(request);
    }

    [Fact]
    public async Task TwoHostsNeverSeeEachOthersLinksOrETags()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>());
        var (calendar, _) = await PublishAsync(host);
        var feed = $"/api/calendars/{calendar}/feed.ics?{Window}";

        using var viaPublicName = await GetAsync(host, feed, "visits.example.gov.cn");
        using var viaAddress = await GetAsync(host, feed);
        using var viaPublicNameAgain = await GetAsync(host, feed, "visits.example.gov.cn");

        var address = host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        var named = OwnUrlsIn(await viaPublicName.Content.ReadAsStringAsync());
        var plain = OwnUrlsIn(await viaAddress.Content.ReadAsStringAsync());
        Assert.NotEmpty(named);
        Assert.All(named, u => Assert.StartsWith("http://visits.example.gov.cn/api/", u));
        Assert.NotEmpty(plain);
        Assert.All(plain, u => Assert.StartsWith(address + "/api/", u));
        Assert.NotEqual(viaPublicName.Headers.ETag, viaAddress.Headers.ETag);
        Assert.Equal(viaPublicName.Headers.ETag, viaPublicNameAgain.Headers.ETag);
        // One host's ETag does not make the other's feed "not modified".
        using var crossed = await GetAsync(host, feed, null, ("If-None-Match", viaPublicName.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.OK, crossed.StatusCode);
    }

    [Fact]
    public async Task WithAPublicBaseUrlEveryLinkUsesItWhateverTheHostSays()
    {
        const string Public = "https://visits.example.gov.cn";
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["VisitPlanner:PublicBaseUrl"] = Public + "/" });
        var (calendar, _) = await PublishAsync(host);
        var (secret, eventId) = await PublishAsync(host, visibility: "private");
        using var subscription = await host.Client.PostAsync($"/api/calendars/{secret}/subscriptions", TestHost.Json("""{"label":"李卫平 phone"}"""));
        var issued = await AssertJsonAsync(subscription, HttpStatusCode.Created);
        var token = issued.GetProperty("feedUrl").GetString()!.Split("token=")[1];

        var bodies = new Dictionary<string, string>
        {
            ["calendar JSON"] = await host.Client.GetStringAsync($"/api/calendars/{calendar}"),
            ["subscription JSON"] = issued.ToString(),
            ["public feed"] = await (await GetAsync(host, $"/api/calendars/{calendar}/feed.ics?{Window}", "attacker.example")).Content.ReadAsStringAsync(),
            ["secret feed"] = await host.Client.GetStringAsync($"/api/calendars/{secret}/feed.ics?{Window}&token={token}"),
            ["calendar page"] = await (await GetAsync(host, $"/api/calendars/{calendar}/page", "127.0.0.1")).Content.ReadAsStringAsync(),
            ["event page"] = await host.Client.GetStringAsync($"/api/events/{eventId}/page?token={token}"),
        };

        foreach (var (what, body) in bodies)
        {
            var urls = OwnUrlsIn(body);
            Assert.True(urls.Count > 0, $"{what} has no links");
            Assert.All(urls, u => Assert.True(u.StartsWith(Public + "/api/", StringComparison.Ordinal) || u.StartsWith("webcal://visits.example.gov.cn/api/", StringComparison.Ordinal), $"{what}: {u}"));
        }
        var secretLinks = UrlsIn(bodies["secret feed"]);
        Assert.True(secretLinks.Contains($"{Public}/api/events/{eventId}/page?token={token}&calendar={secret}"), string.Join(Environment.NewLine, secretLinks));
        Assert.Equal($"webcal://visits.example.gov.cn/api/calendars/{secret}/feed.ics?token={token}", issued.GetProperty("webcalUrl").GetString());
    }

    [Fact]
    public async Task ForwardedHeadersCountOnlyFromTrustedProxies()
    {
        await using var trusting = await TestHost.StartAsync(new Dictionary<string, string?> { ["VisitPlanner:TrustedProxies"] = "127.0.0.0/8, ::1" });
        await using var distrusting = await TestHost.StartAsync(new Dictionary<string, string?>());
        // Proxies append: the first values are what the client sent the proxy, the last is what the proxy saw.
        var forwarded = new[] { ("X-Forwarded-Proto", "http, https"), ("X-Forwarded-Host", "attacker.example, visits.example.gov.cn") };

        var (trustedCalendar, _) = await PublishAsync(trusting);
        var (otherCalendar, _) = await PublishAsync(distrusting);
        var viaProxy = JsonDocument.Parse(await (await GetAsync(trusting, $"/api/calendars/{trustedCalendar}", null, forwarded)).Content.ReadAsStringAsync()).RootElement;
        var notTrusted = JsonDocument.Parse(await (await GetAsync(distrusting, $"/api/calendars/{otherCalendar}", null, forwarded)).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal($"https://visits.example.gov.cn/api/calendars/{trustedCalendar}/feed.ics", viaProxy.GetProperty("feedUrl").GetString());
        Assert.StartsWith(distrusting.Client.BaseAddress!.GetLeftPart(UriPartial.Authority) + "/api/", notTrusted.GetProperty("feedUrl").GetString());
    }

    [Fact]
    public async Task AnotherRoutePrefixYieldsLinksThatWork()
    {
        var hostJson = Path.Combine(Directory.CreateTempSubdirectory("visitplanner-host-").FullName, "host.json");
        await File.WriteAllTextAsync(hostJson, """{"version":"2.0","extensions":{"http":{"routePrefix":"visits/v1"}}}""");
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>(), hostJsonPath: hostJson);

        var (calendar, eventId) = await PublishAsync(host, "/visits/v1");
        var json = JsonDocument.Parse(await host.Client.GetStringAsync($"/visits/v1/calendars/{calendar}")).RootElement;
        using var posted = await host.Client.PostAsync("/visits/v1/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(calendar)));
        var feed = await host.Client.GetStringAsync(json.GetProperty("feedUrl").GetString() + "?" + Window);

        Assert.Equal($"/visits/v1/events/{(await AssertJsonAsync(posted, HttpStatusCode.Created)).GetProperty("id").GetString()}", posted.Headers.Location!.ToString());
        var links = OwnUrlsIn(feed).Concat(OwnUrlsIn(json.ToString())).Distinct().ToArray();
        Assert.Contains(links, l => l.Contains($"/visits/v1/events/{eventId}/page"));
        foreach (var link in links)
        {
            using var followed = await host.Client.GetAsync(link);
            Assert.True(followed.StatusCode == HttpStatusCode.OK, $"{link}: {(int)followed.StatusCode}");
        }
        using var put = await host.SendAsync(HttpMethod.Put, $"/visits/v1/events/{eventId}", SeedEvents.ShouyangAerospaceVisitJson(calendar));
        var required = await AssertProblemAsync(put, (HttpStatusCode)428, "If-Match");
        Assert.Contains($"GET /visits/v1/events/{eventId}", required.GetProperty("detail").GetString());
    }
}
