using System.Net;
using Microsoft.Playwright;
using VisitPlanner.Core.Services;
using VisitPlanner.Functions.Http;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;
using static VisitPlanner.Functions.Tests.Pages.PageTestSupport;

namespace VisitPlanner.Functions.Tests.Pages;

/// <summary>A calendar's page in headless Chromium, served by the dev host over Azurite: agenda, subscribe links, QR code, print.</summary>
public sealed class CalendarPageTests(TestHost host, Browser browser) : IClassFixture<TestHost>, IClassFixture<Browser>
{
    [ChromiumFact]
    public async Task A_public_calendars_page_shows_the_coming_agenda_and_how_to_subscribe()
    {
        var calendar = await NewCalendarAsync(host);
        var eventId = await PostVisitAsync(host, calendar);
        await using var page = await browser.NewPageAsync();

        var response = await page.Page.GotoAsync(Url(host, $"api/calendars/{calendar}/page"));

        Assert.Equal(200, response!.Status);
        Assert.Equal(CalendarName, await page.Page.TitleAsync());
        Assert.Equal(CalendarName, await page.Page.Locator("#calendar-name").InnerTextAsync());
        var first = await page.Page.Locator($"#day-{Iso(FirstDay)}").InnerTextAsync();
        var second = await page.Page.Locator($"#day-{Iso(SecondDay)}").InnerTextAsync();
        foreach (var title in StopTitles.Take(5)) Assert.Contains(title, first);
        Assert.Contains(StopTitles[5], second);
        Assert.Contains("08:30–09:30", first);
        Assert.Contains("09:30–11:30", second);
        Assert.Contains("鹤壁科创新城规划建设展示中心, 鹤壁", first);
        Assert.Contains("李卫平", first);
        Assert.StartsWith($"{FirstDay.Year}年{FirstDay.Month}月{FirstDay.Day}日", await page.Page.Locator($"#day-{Iso(FirstDay)} h3").InnerTextAsync());

        var eventLinks = await page.Page.Locator("a.event-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(6, eventLinks.Length);
        Assert.All(eventLinks, href => Assert.Equal($"{BaseUrl(host)}/api/events/{eventId}/page", href));

        var feedUrl = $"{BaseUrl(host)}/api/calendars/{calendar}/feed.ics";
        Assert.StartsWith("webcal://127.0.0.1:", ExpectedLinks(feedUrl, CalendarName).Webcal);
        await AssertSubscribeLinksAsync(page.Page, feedUrl, CalendarName);

        await page.AssertNoErrorsAsync();
        var path = await page.SaveScreenshotAsync("calendar-page");
        Assert.True(new FileInfo(path).Length > 0, $"No screenshot at {path}");
    }

    [Fact]
    public async Task A_calendar_with_more_events_than_a_page_shows_lists_the_first_ones_and_says_so()
    {
        var calendar = await NewCalendarAsync(host);
        // One more than the page shows, one an hour from the visit's first day on: the last to end is left out.
        var count = PageService.MaxCalendarEvents + 1;
        var start = FirstDay.ToDateTime(new TimeOnly(8, 0));
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var at = start.AddHours(i);
            var json = $$"""
                {"kind":"meeting","calendars":["{{calendar}}"],"title":"周例会 {{i:000}}","timeZone":"Asia/Shanghai","organizer":{"name":"河津经开区"},
                 "itinerary":[{"title":"周例会 {{i:000}}","start":"{{at:yyyy-MM-ddTHH:mm}}","end":"{{at.AddMinutes(30):yyyy-MM-ddTHH:mm}}"}]}
                """;
            Assert.Equal(HttpStatusCode.Created, (await host.Client.PostAsync("/api/events", TestHost.Json(json), ct)).StatusCode);
        });

        var html = await host.Client.GetStringAsync($"/api/calendars/{calendar}/page");

        Assert.Contains($"Only the first {PageService.MaxCalendarEvents} events to end are listed here", html);
        Assert.Contains($"周例会 {count - 2:000}", html);
        Assert.DoesNotContain($"周例会 {count - 1:000}", html);
        Assert.Equal(PageService.MaxCalendarEvents, System.Text.RegularExpressions.Regex.Count(html, "class=\"event-link\""));
    }

    [Fact]
    public async Task The_page_is_served_as_self_contained_html_with_a_strict_policy()
    {
        var calendar = await NewCalendarAsync(host);
        await PostVisitAsync(host, calendar);

        var response = await host.Client.GetAsync($"/api/calendars/{calendar}/page");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal(PageFunctions.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.StartsWith("default-src 'none'", PageFunctions.ContentSecurityPolicy);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl!.Public);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">", html);
        Assert.Contains("@media print", html);
    }

    [ChromiumFact]
    public async Task A_private_calendars_page_needs_a_live_token_and_its_links_carry_it()
    {
        var calendar = await NewCalendarAsync(host, "private");
        var eventId = await PostVisitAsync(host, calendar);
        await AssertProblemAsync(await host.Client.GetAsync($"/api/calendars/{calendar}/page"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await host.Client.GetAsync($"/api/calendars/{calendar}/page?token=nonsense"), HttpStatusCode.NotFound);

        var (subscriptionId, token, feedUrl, body) = await SubscribeAsync(host, $"calendars/{calendar}");
        var pageUrl = body.GetProperty("pageUrl").GetString()!;
        Assert.Equal($"{BaseUrl(host)}/api/calendars/{calendar}/page?token={token}", pageUrl);
        var answer = await host.Client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(answer.Headers.CacheControl!.NoStore);
        Assert.True(answer.Headers.CacheControl.Private);

        await using (var page = await browser.NewPageAsync())
        {
            Assert.Equal(200, (await page.Page.GotoAsync(pageUrl))!.Status);
            Assert.Equal($"{BaseUrl(host)}/api/calendars/{calendar}/feed.ics?token={token}", feedUrl);
            await AssertSubscribeLinksAsync(page.Page, feedUrl, CalendarName);
            var eventLinks = await page.Page.Locator("a.event-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.All(eventLinks, href => Assert.Equal($"{BaseUrl(host)}/api/events/{eventId}/page?token={token}&calendar={calendar}", href));
            Assert.Contains("请勿转发", await page.Page.Locator("#subscribe").InnerTextAsync());
            await page.AssertNoErrorsAsync();
            await page.SaveScreenshotAsync("calendar-page-private");
        }

        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.DeleteAsync($"/api/calendars/{calendar}/subscriptions/{subscriptionId}")).StatusCode);
        await AssertProblemAsync(await host.Client.GetAsync(pageUrl), HttpStatusCode.NotFound);
        await AssertProblemAsync(await host.Client.GetAsync($"/api/events/{eventId}/page?token={token}"), HttpStatusCode.NotFound);
    }

    [ChromiumFact]
    public async Task The_event_link_opens_the_itinerary_of_six_stops()
    {
        var calendar = await NewCalendarAsync(host);
        var eventId = await PostVisitAsync(host, calendar);
        await using var page = await browser.NewPageAsync();
        await page.Page.GotoAsync(Url(host, $"api/calendars/{calendar}/page"));

        // Wait for the navigation the click starts, registered before the click: on a busy machine the event page
        // can commit before a wait started afterwards, which then waits for a load event that already fired.
        await page.Page.RunAndWaitForNavigationAsync(
            () => page.Page.Locator("a.event-link").First.ClickAsync(),
            new() { UrlString = $"**/api/events/{eventId}/page", WaitUntil = Microsoft.Playwright.WaitUntilState.DOMContentLoaded });

        Assert.Equal("航天产业专题考察（鹤壁、北京）", await page.Page.Locator("#event-title").InnerTextAsync());
        var rows = page.Page.Locator("#itinerary-table tbody tr");
        Assert.Equal(6, await rows.CountAsync());
        for (var i = 0; i < 6; i++) Assert.Contains(StopTitles[i], await rows.Nth(i).InnerTextAsync());
        Assert.Contains("08:30–09:30", await rows.Nth(0).InnerTextAsync());
        Assert.Contains("议题：寿阳县火箭制造项目合作细节", await rows.Nth(5).InnerTextAsync());
        Assert.Contains("行程单", await page.Page.Locator("#itinerary h2").InnerTextAsync());
        Assert.Contains("贾幼平", await page.Page.Locator("#participants").InnerTextAsync());
        Assert.Equal(Url(host, $"api/calendars/{calendar}/page"), await page.Page.Locator("#back").GetAttributeAsync("href"));
        await page.AssertNoErrorsAsync();
        await page.SaveScreenshotAsync("event-page");
    }

    [ChromiumFact]
    public async Task Printed_the_page_leaves_out_the_subscribe_section()
    {
        var calendar = await NewCalendarAsync(host);
        var eventId = await PostVisitAsync(host, calendar);
        await using var page = await browser.NewPageAsync();
        await page.Page.GotoAsync(Url(host, $"api/calendars/{calendar}/page"));
        Assert.True(await page.Page.Locator("#subscribe").IsVisibleAsync());

        await page.Page.EmulateMediaAsync(new() { Media = Media.Print });

        Assert.False(await page.Page.Locator("#subscribe").IsVisibleAsync());
        Assert.False(await page.Page.Locator("#qr").IsVisibleAsync());
        Assert.True(await page.Page.Locator("#agenda").IsVisibleAsync());
        Assert.True(await page.Page.Locator($"#day-{Iso(FirstDay)}").IsVisibleAsync());
        await page.SaveScreenshotAsync("calendar-page-print");

        await page.Page.GotoAsync(Url(host, $"api/events/{eventId}/page"));
        Assert.False(await page.Page.Locator("#subscribe").IsVisibleAsync());
        Assert.False(await page.Page.Locator("#back").IsVisibleAsync());
        Assert.True(await page.Page.Locator("#itinerary-table").IsVisibleAsync());
        Assert.Equal(6, await page.Page.Locator("#itinerary-table tbody tr").CountAsync());
        await page.AssertNoErrorsAsync();
        await page.SaveScreenshotAsync("event-page-print");
    }

    [ChromiumFact]
    public async Task The_copy_button_copies_the_feed_url_and_never_throws()
    {
        var calendar = await NewCalendarAsync(host);
        var feedUrl = $"{BaseUrl(host)}/api/calendars/{calendar}/feed.ics";

        await using (var page = await browser.NewPageAsync(new() { Permissions = ["clipboard-read", "clipboard-write"] }))
        {
            await page.Page.GotoAsync(Url(host, $"api/calendars/{calendar}/page"));
            await page.Page.Locator("#copy-feed-url").ClickAsync();
            await Assertions.Expect(page.Page.Locator("#copy-status")).ToHaveTextAsync("已复制 Copied");
            Assert.Equal(feedUrl, await page.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
            await page.AssertNoErrorsAsync();
        }

        // Without clipboard permission (or API) the button falls back to selecting the text, quietly.
        await using (var page = await browser.NewPageAsync())
        {
            await page.Page.GotoAsync(Url(host, $"api/calendars/{calendar}/page"));
            await page.Page.EvaluateAsync("() => { Object.defineProperty(navigator, 'clipboard', { value: undefined }); }");
            await page.Page.Locator("#copy-feed-url").ClickAsync();
            await Assertions.Expect(page.Page.Locator("#copy-status")).Not.ToBeEmptyAsync();
            await page.AssertNoErrorsAsync();
        }
    }

    [ChromiumFact]
    public async Task An_empty_calendar_says_so_on_a_phone()
    {
        var calendar = await NewCalendarAsync(host);
        await using var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });

        await page.Page.GotoAsync(Url(host, $"api/calendars/{calendar}/page"));

        Assert.Contains("暂无安排 Nothing scheduled", await page.Page.Locator("#agenda").InnerTextAsync());
        Assert.True(await page.Page.Locator("#qr").IsVisibleAsync());
        // Nothing sticks out sideways on a phone.
        // Against the phone's width, not window.innerWidth: a mobile viewport zooms out to fit a page that is too wide,
        // and innerWidth grows with it, so that comparison could never fail.
        Assert.True(await PageGeometry.DocumentWidthAsync(page.Page) <= 390);
        await page.AssertNoErrorsAsync();
    }

    [ChromiumFact]
    public async Task A_script_in_a_title_is_shown_not_run()
    {
        const string attack = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var calendar = await NewCalendarAsync(host);
        var eventId = await PostVisitAsync(host, calendar, n =>
        {
            n["title"] = attack;
            n["itinerary"]![0]!["title"] = attack;
        });
        await using var page = await browser.NewPageAsync();
        var dialogs = 0;
        page.Page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await page.Page.GotoAsync(Url(host, $"api/calendars/{calendar}/page"));
        Assert.Equal(attack, await page.Page.Locator("a.event-link").First.InnerTextAsync());
        await page.Page.GotoAsync(Url(host, $"api/events/{eventId}/page"));
        Assert.Equal(attack, await page.Page.Locator("#event-title").InnerTextAsync());
        Assert.Equal(attack, await page.Page.Locator("#itinerary-table tbody tr td.item-title").First.InnerTextAsync());

        Assert.Equal(0, dialogs);
        await page.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task An_unknown_calendars_page_is_404() =>
        await AssertProblemAsync(await host.Client.GetAsync($"/api/calendars/{NewId("nobody")}/page"), HttpStatusCode.NotFound);

    /// <summary>The three subscribe links, the URL to copy and the QR code, as a browser sees them.</summary>
    private async Task AssertSubscribeLinksAsync(IPage page, string feedUrl, string name)
    {
        var (webcal, google, outlook) = ExpectedLinks(feedUrl, name);
        Assert.Equal(webcal, await page.Locator("#subscribe-webcal").GetAttributeAsync("href"));
        Assert.Equal(google, await page.Locator("#subscribe-google").GetAttributeAsync("href"));
        Assert.Equal(outlook, await page.Locator("#subscribe-outlook").GetAttributeAsync("href"));
        Assert.Equal(feedUrl, await page.Locator("#feed-url").InputValueAsync());
        Assert.Contains("复制链接 Copy link", await page.Locator("#copy-feed-url").InnerTextAsync());

        var qr = page.Locator("#qr");
        Assert.True(await qr.IsVisibleAsync());
        // The image decodes and is drawn at a size a phone can scan; scanned, it gives the webcal:// link phones subscribe with.
        Assert.True(await qr.EvaluateAsync<bool>("img => img.decode().then(() => img.complete && img.getBoundingClientRect().width >= 120)"));
        Assert.Equal(webcal, await QrScanner.ScanAsync(browser, qr));
    }
}
