namespace VisitPlanner.Functions.Tests.Pages;

/// <summary>The headless-Chromium helper itself: a page loads, links are read, errors are caught, screenshots are saved.</summary>
public sealed class BrowserSmokeTests(Browser browser) : IClassFixture<Browser>
{
    [ChromiumFact]
    public async Task A_static_page_shows_its_subscribe_link_without_errors_and_is_screenshotted()
    {
        await using var page = await browser.NewPageAsync();
        await page.Page.SetContentAsync("""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Smoke</title></head>
            <body>
              <h1>Visit planner</h1>
              <p><a id="x" href="webcal://example/feed.ics">Subscribe</a></p>
            </body>
            </html>
            """);

        var link = page.Page.Locator("#x");
        Assert.Equal("webcal://example/feed.ics", await link.GetAttributeAsync("href"));
        Assert.Equal("Subscribe", await link.InnerTextAsync());
        await page.AssertNoErrorsAsync();

        var path = await page.SaveScreenshotAsync("browser-smoke");
        Assert.True(new FileInfo(path).Length > 0, $"No screenshot at {path}");
    }

    [ChromiumFact]
    public async Task A_console_error_is_captured()
    {
        await using var page = await browser.NewPageAsync();
        await page.Page.SetContentAsync("<html><body><script>console.error('boom')</script></body></html>");

        var error = Assert.Single(await page.ErrorsAsync());
        Assert.Contains("boom", error);
        await Assert.ThrowsAnyAsync<Exception>(page.AssertNoErrorsAsync);
    }

    [ChromiumFact]
    public async Task An_uncaught_exception_is_captured()
    {
        await using var page = await browser.NewPageAsync();
        await page.Page.SetContentAsync("<html><body><script>throw new Error('kaput')</script></body></html>");

        Assert.Contains("kaput", Assert.Single(await page.ErrorsAsync()));
    }
}
