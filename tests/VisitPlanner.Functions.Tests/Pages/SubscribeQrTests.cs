using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Pages.PageTestSupport;

namespace VisitPlanner.Functions.Tests.Pages;

/// <summary>
/// The QR code on both pages, scanned from the screen as a phone would: it holds the webcal:// subscribe link (with the
/// subscription's token), which a phone's calendar subscribes to, and not the https feed URL, which a phone's browser
/// would only open or download.
/// </summary>
public sealed class SubscribeQrTests(TestHost host, Browser browser) : IClassFixture<TestHost>, IClassFixture<Browser>
{
    [ChromiumTheory]
    [InlineData(390, 844)]
    [InlineData(1280, 800)]
    public async Task Scanned_the_QR_code_is_the_webcal_subscribe_link(int width, int height)
    {
        var calendar = await NewCalendarAsync(host, "private");
        var eventId = await PostVisitAsync(host, calendar);
        var (_, token, feedUrl, _) = await SubscribeAsync(host, $"calendars/{calendar}");
        var webcal = ExpectedLinks(feedUrl, CalendarName).Webcal;
        Assert.StartsWith("webcal://", webcal);
        Assert.EndsWith($"?token={token}", webcal);
        await using var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, IsMobile = width < 640, HasTouch = width < 640 });

        foreach (var (name, path) in new[] { ("calendar", $"api/calendars/{calendar}/page?token={token}"), ("event", $"api/events/{eventId}/page?token={token}") })
        {
            await page.Page.GotoAsync(Url(host, path));
            var qr = page.Page.Locator("#qr");
            await qr.ScrollIntoViewIfNeededAsync();

            Assert.Equal(webcal, await QrScanner.ScanAsync(browser, qr));
            Assert.Equal(webcal, await page.Page.Locator("#subscribe-webcal").GetAttributeAsync("href"));
            await page.AssertNoErrorsAsync();
            await page.SaveScreenshotAsync($"{name}-page-qr-{width}");
        }
    }
}
