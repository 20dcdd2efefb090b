using Microsoft.Playwright;
using VisitPlanner.Testing.Hosting;
using Xunit.Abstractions;
using static VisitPlanner.Functions.Tests.Pages.PageTestSupport;

namespace VisitPlanner.Functions.Tests.Pages;

/// <summary>
/// An event's page on a phone (390 × 844) and a desktop (1280 × 800), for the Shouyang visit and a 200-person
/// delegation: nothing scrolls sideways, every participant's cell shows whole, the itinerary comes first and starts on
/// the first screen, and a long participant list waits folded away until asked for.
/// </summary>
public sealed class EventPageLayoutTests(TestHost host, Browser browser, ITestOutputHelper output) : IClassFixture<TestHost>, IClassFixture<Browser>
{
    public static TheoryData<int, int> Viewports => new() { { 390, 844 }, { 1280, 800 } };

    private const string ParticipantCells = "#participants td";

    [ChromiumTheory]
    [MemberData(nameof(Viewports))]
    public async Task Nothing_scrolls_sideways_and_every_participant_shows_whole(int width, int height)
    {
        var calendar = await NewCalendarAsync(host);
        var seed = await PostVisitAsync(host, calendar);
        var large = await PostVisitAsync(host, calendar, n => LargeDelegation.Apply(n, FirstDay));
        await using var page = await OpenAsync(width, height);

        foreach (var (name, eventId, rows) in new[] { ("seed", seed, 7), ("large", large, LargeDelegation.ParticipantCount) })
        {
            await page.Page.GotoAsync(Url(host, $"api/events/{eventId}/page"));
            await OpenParticipantsAsync(page.Page);

            var documentWidth = await PageGeometry.DocumentWidthAsync(page.Page);
            output.WriteLine($"{name} at {width} px: document {documentWidth} × {await PageGeometry.DocumentHeightAsync(page.Page)} px");
            Assert.True(documentWidth <= width, $"The {name} event's page is {documentWidth} px wide in a {width} px viewport.");
            Assert.Equal(rows, await page.Page.Locator("#participants tbody tr").CountAsync());
            var hidden = await PageGeometry.HiddenCellsAsync(page.Page, ParticipantCells, width);
            Assert.True(hidden.Length == 0, $"{hidden.Length} participant cells of the {name} event do not show whole at {width} px:\n" + string.Join("\n", hidden.Take(10)));
            // The roles, which the issue saw cut off, are all there and readable.
            var roles = await page.Page.Locator("#participants td.role").AllInnerTextsAsync();
            Assert.Contains(name == "seed" ? "带队" : LargeDelegation.LongRole, roles);
            var hiddenStops = await PageGeometry.HiddenCellsAsync(page.Page, "#itinerary-table td", width);
            Assert.True(hiddenStops.Length == 0, $"{hiddenStops.Length} itinerary cells do not show whole at {width} px:\n" + string.Join("\n", hiddenStops.Take(10)));
            var split = await PageGeometry.SplitWordsAsync(page.Page, "#itinerary-table td.item-title", LargeDelegation.LongWords);
            Assert.True(split.Length == 0, $"Words split at {width} px:\n" + string.Join("\n", split.Take(10)));
            await page.AssertNoErrorsAsync();
            await page.SaveScreenshotAsync($"event-page-{name}-{width}");
            await page.Page.Locator("#participants").ScreenshotAsync(new() { Path = Browser.ArtifactPath($"event-page-{name}-participants-{width}", ".png") });
        }
    }

    [ChromiumTheory]
    [MemberData(nameof(Viewports))]
    public async Task On_a_200_person_event_the_itinerary_starts_on_the_first_screen_and_participants_are_folded(int width, int height)
    {
        var calendar = await NewCalendarAsync(host);
        var eventId = await PostVisitAsync(host, calendar, n => LargeDelegation.Apply(n, FirstDay));
        await using var page = await OpenAsync(width, height);

        await page.Page.GotoAsync(Url(host, $"api/events/{eventId}/page"));

        var firstStop = await PageGeometry.TopAsync(page.Page, "#itinerary-table tbody tr");
        output.WriteLine($"At {width} × {height}: first stop at {firstStop:0} px, document {await PageGeometry.DocumentHeightAsync(page.Page)} px high");
        Assert.True(firstStop < height, $"The first stop starts at {firstStop:0} px, below the first screen ({height} px).");
        Assert.True(await page.Page.EvaluateAsync<bool>(
            "() => !!(document.getElementById('itinerary').compareDocumentPosition(document.getElementById('participants')) & Node.DOCUMENT_POSITION_FOLLOWING)"),
            "The itinerary must come before the participants.");

        var participants = page.Page.Locator("#participants details");
        Assert.Equal("参加人员 Participants (200)", (await page.Page.Locator("#participants summary").InnerTextAsync()).Trim());
        Assert.False(await participants.EvaluateAsync<bool>("d => d.open"));
        Assert.False(await page.Page.Locator("#participants tbody tr").First.IsVisibleAsync());
        await page.SaveFirstScreenAsync($"event-page-large-first-screen-{width}");
        await page.SaveScreenshotAsync($"event-page-large-folded-{width}");

        await page.Page.Locator("#participants summary").ClickAsync();

        Assert.True(await participants.EvaluateAsync<bool>("d => d.open"));
        Assert.True(await page.Page.Locator("#participants tbody tr").Last.IsVisibleAsync());
        await page.AssertNoErrorsAsync();
    }

    [ChromiumFact]
    public async Task A_small_delegation_is_listed_open_after_the_itinerary()
    {
        var calendar = await NewCalendarAsync(host);
        var eventId = await PostVisitAsync(host, calendar);
        await using var page = await OpenAsync(390, 844);

        await page.Page.GotoAsync(Url(host, $"api/events/{eventId}/page"));

        Assert.Equal("参加人员 Participants (7)", (await page.Page.Locator("#participants summary").InnerTextAsync()).Trim());
        Assert.True(await page.Page.Locator("#participants details").EvaluateAsync<bool>("d => d.open"));
        Assert.True(await page.Page.Locator("#participants td.role").First.IsVisibleAsync());
        Assert.True(await PageGeometry.TopAsync(page.Page, "#itinerary") < await PageGeometry.TopAsync(page.Page, "#participants"));
        await page.AssertNoErrorsAsync();
    }

    /// <summary>A phone is a touch device whose layout viewport follows the meta viewport; a desktop is not.</summary>
    private Task<BrowserPage> OpenAsync(int width, int height) => browser.NewPageAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = width, Height = height },
        IsMobile = width < 640,
        HasTouch = width < 640,
    });

    /// <summary>Unfolds the participant list if it is folded, so every cell can be measured.</summary>
    private static async Task OpenParticipantsAsync(IPage page)
    {
        if (await page.Locator("#participants details").CountAsync() == 0) return;
        await page.Locator("#participants details").EvaluateAsync("d => { d.open = true; }");
    }
}
