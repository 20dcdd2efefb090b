using System.Net;
using VisitPlanner.DevTools.Azurite;
using VisitPlanner.Functions.Http;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;
using static VisitPlanner.Functions.Tests.Pages.PageTestSupport;

namespace VisitPlanner.Functions.Tests.Pages;

/// <summary>
/// A page that cannot be shown, opened in a browser: a bilingual HTML error page with the status problem+json would
/// have had, saying what to do and holding no token. Programs (no Accept, JSON, <c>*/*</c>) and feeds still get
/// problem+json.
/// </summary>
public sealed class ErrorPageTests(TestHost host, Browser browser) : IClassFixture<TestHost>, IClassFixture<Browser>
{
    /// <summary>What Chromium sends when it navigates to a page.</summary>
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8";

    public static TheoryData<string, int> Cases => new()
    {
        { "private-calendar-without-token", 390 }, { "private-calendar-without-token", 1280 },
        { "revoked-token", 390 }, { "revoked-token", 1280 },
        { "unknown-token-on-event", 390 },
        { "unknown-event", 390 }, { "unknown-event", 1280 },
        { "malformed-event-id", 390 },
    };

    [ChromiumTheory]
    [MemberData(nameof(Cases))]
    public async Task In_a_browser_a_page_that_cannot_be_shown_explains_why_in_Chinese_and_English(string name, int width)
    {
        var (path, status, title, secret) = await SetUpAsync(name);
        await using var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 844 }, IsMobile = width < 640, HasTouch = width < 640 });

        var response = await page.Page.GotoAsync(Url(host, path));

        Assert.Equal(status, response!.Status);
        Assert.Equal("text/html; charset=utf-8", (await response.AllHeadersAsync())["content-type"]);
        Assert.Equal(title, await page.Page.Locator("#error-title").TextContentAsync());
        Assert.Contains($"错误 Error {status}", await page.Page.Locator("#error").InnerTextAsync());
        Assert.NotEmpty(await page.Page.Locator("#error-advice li").AllInnerTextsAsync());
        Assert.DoesNotContain("\"status\"", await page.Page.ContentAsync());
        if (secret is not null) Assert.DoesNotContain(secret, await response.TextAsync());
        Assert.True(await PageGeometry.DocumentWidthAsync(page.Page) <= width);
        await AssertOnlyTheStatusWasReportedAsync(page, status);
        await page.SaveScreenshotAsync($"error-page-{name}-{width}");
    }

    [ChromiumFact]
    public async Task When_storage_is_unreachable_the_browser_is_told_to_reload_later()
    {
        // A port nothing listens on: every storage request is refused, as when the account cannot be reached.
        await using var outage = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["VisitPlanner:Storage:ConnectionString"] = AzuriteServer.ConnectionStringFor(AzuriteServer.FreePort()),
        });
        await using var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        const string token = "0123456789abcdefghjkmnpqrstvwxyz0123456789abcdefghjk";

        var response = await page.Page.GotoAsync(Url(outage, $"api/calendars/{SeedEventsCalendar}/page?token={token}"));

        Assert.Equal(503, response!.Status);
        var headers = await response.AllHeadersAsync();
        Assert.Equal("text/html; charset=utf-8", headers["content-type"]);
        Assert.True(int.Parse(headers["retry-after"]) > 0);
        Assert.Equal("暂时无法访问 Temporarily unavailable", await page.Page.Locator("#error-title").TextContentAsync());
        Assert.Contains($"Reload this page in {headers["retry-after"]} seconds", await page.Page.Locator("#error-advice").InnerTextAsync());
        Assert.DoesNotContain(token, await response.TextAsync());
        Assert.True(await page.Page.Locator("#reload").IsVisibleAsync());
        await AssertOnlyTheStatusWasReportedAsync(page, 503);
        await page.SaveScreenshotAsync("error-page-storage-unavailable-390");

        // The same URL for a program is still problem+json.
        var json = await outage.Client.GetAsync($"/api/events/some-event/page?token={token}");
        await AssertProblemAsync(json, HttpStatusCode.ServiceUnavailable);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("application/problem+json")]
    [InlineData("*/*")]
    [InlineData("text/html;q=0.5, application/problem+json")]
    [InlineData("text/html, application/json")]
    public async Task A_program_asking_for_a_page_still_gets_problem_json(string? accept)
    {
        var calendar = await NewCalendarAsync(host, "private");

        var response = await GetAsync($"/api/calendars/{calendar}/page", accept);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task The_html_error_page_carries_the_pages_headers_and_is_never_stored()
    {
        var calendar = await NewCalendarAsync(host, "private");

        var response = await GetAsync($"/api/calendars/{calendar}/page?token=nonsense", BrowserAccept);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal(PageFunctions.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("nonsense", html);
        Assert.DoesNotContain(calendar, html);
    }

    [Fact]
    public async Task HEAD_of_a_missing_page_in_a_browser_has_the_html_headers_and_no_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, $"/api/events/{NewId("nothing")}/page");
        request.Headers.Accept.ParseAdd(BrowserAccept);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Content.Headers.ContentLength > 0);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_feed_is_never_answered_with_html()
    {
        var calendar = await NewCalendarAsync(host, "private");

        var response = await GetAsync($"/api/calendars/{calendar}/feed.ics", BrowserAccept);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>
    /// Chromium logs the document's own error status to the console ("Failed to load resource: … 404"); anything else
    /// (a script error, a blocked resource) is a fault of the error page.
    /// </summary>
    private static async Task AssertOnlyTheStatusWasReportedAsync(BrowserPage page, int status)
    {
        var others = (await page.ErrorsAsync())
            .Where(e => !e.StartsWith($"console.error: Failed to load resource: the server responded with a status of {status} ", StringComparison.Ordinal))
            .ToArray();
        Assert.True(others.Length == 0, "The error page reported errors:\n" + string.Join("\n", others));
    }

    private const string SeedEventsCalendar = VisitPlanner.Testing.SeedEvents.CalendarId;

    private async Task<HttpResponseMessage> GetAsync(string path, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return await host.Client.SendAsync(request);
    }

    /// <summary>The page to open for a case, the status and heading it must answer with, and a secret it must not show.</summary>
    private async Task<(string Path, int Status, string Title, string? Secret)> SetUpAsync(string name)
    {
        switch (name)
        {
            case "private-calendar-without-token":
                return ($"api/calendars/{await NewCalendarAsync(host, "private")}/page", 404, "找不到此日历 Calendar not found", null);
            case "revoked-token":
            {
                var calendar = await NewCalendarAsync(host, "private");
                var (subscription, token, _, _) = await SubscribeAsync(host, $"calendars/{calendar}");
                Assert.Equal(HttpStatusCode.NoContent, (await host.Client.DeleteAsync($"/api/calendars/{calendar}/subscriptions/{subscription}")).StatusCode);
                return ($"api/calendars/{calendar}/page?token={token}", 404, "链接已失效 This link no longer works", token);
            }
            case "unknown-token-on-event":
            {
                var eventId = await PostVisitAsync(host, await NewCalendarAsync(host, "private"));
                const string token = "0123456789abcdefghjkmnpqrstvwxyz0123456789abcdefghjk";
                return ($"api/events/{eventId}/page?token={token}", 404, "链接已失效 This link no longer works", token);
            }
            case "unknown-event":
                return ($"api/events/{NewId("nothing")}/page", 404, "找不到此活动 Event not found", null);
            case "malformed-event-id":
                return ("api/events/-bad-/page", 400, "链接有误 This link is not valid", null);
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "no such case");
        }
    }
}
