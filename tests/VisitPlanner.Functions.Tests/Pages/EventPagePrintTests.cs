using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig.Content;
using VisitPlanner.Testing.Hosting;
using Xunit.Abstractions;
using static VisitPlanner.Functions.Tests.Pages.PageTestSupport;

namespace VisitPlanner.Functions.Tests.Pages;

/// <summary>
/// The 200-person, 36-stop delegation's page printed: to PDF by Chromium (A4, kept in <c>artifacts/pages/</c>) and read
/// back word by word, and in print media in the DOM. A row continued on a new sheet keeps its date and the column
/// heads, English words in the item column stay whole (Chinese may wrap between characters), every participant is
/// listed though the screen folds them, and the subscribe section is left out.
/// </summary>
public sealed partial class EventPagePrintTests(TestHost host, Browser browser, ITestOutputHelper output) : IClassFixture<TestHost>, IClassFixture<Browser>
{
    /// <summary>An A4 sheet less the page's 12 mm side margins, in CSS pixels (96 per inch).</summary>
    private const int PrintableWidth = 703;

    [GeneratedRegex(@"^\d\d:\d\d–\d\d:\d\d$")]
    private static partial Regex TimeRange();

    [GeneratedRegex(@"^\d{1,2}月\d{1,2}日$")]
    private static partial Regex ChineseDate();

    [ChromiumFact]
    public async Task Printed_to_PDF_every_row_keeps_its_date_and_the_column_heads()
    {
        var pdf = await PrintLargeDelegationAsync("event-page-large-print");

        var stops = new List<(int Sheet, Word Time)>();
        for (var sheet = 0; sheet < pdf.Sheets.Count; sheet++)
        {
            stops.AddRange(pdf.Sheets[sheet].Where(w => TimeRange().IsMatch(w.Text)).Select(w => (sheet, w)));
        }
        Assert.Equal(LargeDelegation.StopCount, stops.Count);
        var sheetsWithStops = stops.Select(s => s.Sheet).Distinct().ToArray();
        output.WriteLine($"{pdf.Sheets.Count} sheets, stops on sheets {string.Join(", ", sheetsWithStops.Select(s => s + 1))}: {pdf.Path}");
        // Unless the itinerary runs over several sheets, nothing here is tested.
        Assert.True(sheetsWithStops.Length >= 3, $"The itinerary fits on {sheetsWithStops.Length} sheets.");

        foreach (var (sheet, time) in stops)
        {
            // The date cell stands left of the time cell, on the same first line of the row.
            var date = pdf.Sheets[sheet].FirstOrDefault(w => w.BoundingBox.Right < time.BoundingBox.Left
                && Math.Abs(w.BoundingBox.Bottom - time.BoundingBox.Bottom) < 2 && ChineseDate().IsMatch(Normalized(w)));
            Assert.True(date is not null, $"The stop at {time.Text} on sheet {sheet + 1} is printed without its date.");
        }
        foreach (var sheet in sheetsWithStops)
        {
            var firstStop = stops.Where(s => s.Sheet == sheet).Max(s => s.Time.BoundingBox.Bottom);
            foreach (var head in new[] { "Date", "Time", "Item", "Place" })
            {
                Assert.True(pdf.Sheets[sheet].Any(w => w.Text == head && w.BoundingBox.Bottom > firstStop),
                    $"Sheet {sheet + 1} has stops but no '{head}' column head above them.");
            }
        }
    }

    [ChromiumFact]
    public async Task Printed_to_PDF_English_words_stay_whole_and_everyone_is_listed()
    {
        var pdf = await PrintLargeDelegationAsync("event-page-large-print-words");
        var words = pdf.AllWords.ToArray();

        foreach (var longWord in LargeDelegation.LongWords)
        {
            var expected = LargeDelegation.StopTitles.Sum(t => Regex.Matches(t, $@"\b{longWord}\b").Count);
            Assert.True(expected > 0, $"No title has '{longWord}'.");
            Assert.True(expected == words.Count(w => w == longWord),
                $"'{longWord}' is in {expected} titles but printed whole {words.Count(w => w == longWord)} times; pieces: "
                + string.Join(", ", words.Where(w => w.Length >= 3 && w != longWord && (longWord.StartsWith(w, StringComparison.Ordinal) || longWord.EndsWith(w, StringComparison.Ordinal))).Distinct()));
        }

        // Folded on screen, the participants are all printed: each generated role as often as it was given.
        Assert.Equal(LargeDelegation.CountWithRole(LargeDelegation.LongRole), words.Count(w => w == "Simultaneous"));
        Assert.Equal(LargeDelegation.CountWithRole("随行记者"), words.Select(w => w.Normalize(NormalizationForm.FormKC)).Count(w => w == "随行记者"));
        Assert.DoesNotContain("Copy", words);
        Assert.DoesNotContain("Scan", words);
    }

    [ChromiumFact]
    public async Task In_print_media_rows_keep_their_dates_and_whole_words_and_participants_unfold()
    {
        var calendar = await NewCalendarAsync(host);
        var eventId = await PostVisitAsync(host, calendar, n => LargeDelegation.Apply(n, FirstDay));
        await using var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = PrintableWidth, Height = 1000 } });
        await page.Page.GotoAsync(Url(host, $"api/events/{eventId}/page"));
        Assert.False(await page.Page.Locator("#participants tbody tr").First.IsVisibleAsync());

        await page.Page.EmulateMediaAsync(new() { Media = Media.Print });

        var participants = page.Page.Locator("#participants tbody tr");
        Assert.Equal(LargeDelegation.ParticipantCount, await participants.EvaluateAllAsync<int>("rows => rows.filter(r => r.checkVisibility()).length"));
        var dates = await page.Page.Locator("#itinerary-table td.date").EvaluateAllAsync<string[]>(
            "cells => cells.map(c => c.checkVisibility() ? c.innerText.trim() : '')");
        Assert.Equal(LargeDelegation.StopCount, dates.Length);
        Assert.All(dates, date => Assert.Matches(@"^\d{1,2}月\d{1,2}日", date));
        Assert.Equal("avoid", await page.Page.Locator("#itinerary-table tbody tr").First.EvaluateAsync<string>("r => getComputedStyle(r).breakInside"));
        Assert.Equal("table-header-group", await page.Page.Locator("#itinerary-table thead").EvaluateAsync<string>("h => getComputedStyle(h).display"));
        var split = await PageGeometry.SplitWordsAsync(page.Page, "#itinerary-table td.item-title", LargeDelegation.LongWords);
        Assert.True(split.Length == 0, "Words split in the printed item column:\n" + string.Join("\n", split.Take(10)));
        Assert.False(await page.Page.Locator("#subscribe").IsVisibleAsync());
        await page.AssertNoErrorsAsync();
        await page.SaveScreenshotAsync($"event-page-large-print-media-{PrintableWidth}");
    }

    private async Task<PrintedPdf> PrintLargeDelegationAsync(string name)
    {
        var calendar = await NewCalendarAsync(host);
        var eventId = await PostVisitAsync(host, calendar, n => LargeDelegation.Apply(n, FirstDay));
        await using var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.Page.GotoAsync(Url(host, $"api/events/{eventId}/page"));
        var pdf = await PrintedPdf.PrintAsync(page.Page, name);
        await page.AssertNoErrorsAsync();
        return pdf;
    }

    /// <summary>The word as Unicode composes it: the PDF's CJK font maps 月 and 日 to their Kangxi radical look-alikes (⽉ ⽇).</summary>
    private static string Normalized(Word word) => word.Text.Normalize(NormalizationForm.FormKC);
}
