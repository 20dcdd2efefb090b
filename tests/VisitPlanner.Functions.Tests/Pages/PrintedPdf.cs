using Microsoft.Playwright;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace VisitPlanner.Functions.Tests.Pages;

/// <summary>
/// A page printed to PDF by Chromium (A4, as a person's "Save as PDF" does), kept under <c>artifacts/pages/</c> and read
/// back with PdfPig: the words of each sheet with where they stand, so a test can say what a printed sheet shows.
/// </summary>
internal sealed class PrintedPdf
{
    private PrintedPdf(string path, IReadOnlyList<IReadOnlyList<Word>> sheets)
    {
        Path = path;
        Sheets = sheets;
    }

    public string Path { get; }

    /// <summary>The words of each printed sheet, in reading order.</summary>
    public IReadOnlyList<IReadOnlyList<Word>> Sheets { get; }

    public static async Task<PrintedPdf> PrintAsync(IPage page, string name)
    {
        var path = Browser.ArtifactPath(name, ".pdf");
        // The page's own @page rule sets A4 and its margins; PreferCSSPageSize makes Chromium follow it.
        await page.PdfAsync(new PagePdfOptions { Path = path, PreferCSSPageSize = true, PrintBackground = true });
        using var document = PdfDocument.Open(path);
        var sheets = document.GetPages().Select(p => (IReadOnlyList<Word>)p.GetWords().ToArray()).ToArray();
        return new PrintedPdf(path, sheets);
    }

    /// <summary>Every word of every sheet, punctuation around it trimmed.</summary>
    public IEnumerable<string> AllWords => Sheets.SelectMany(s => s).Select(w => Trim(w.Text));

    public static string Trim(string word) => word.Trim(',', '.', ';', ':', '(', ')', '（', '）', '，', '。');
}
