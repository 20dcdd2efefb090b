using Microsoft.Playwright;
using VisitPlanner.DevTools.Azurite;

namespace VisitPlanner.Functions.Tests.Pages;

/// <summary>
/// Reads a QR code the way a phone's camera would: from a screenshot of the image as the page shows it, decoded by
/// jsQR (npm <c>jsqr</c>, installed with the repository's Node tools), which shares no code with the QRCoder that drew
/// it. The decoding runs in a blank page of its own, so the page under test and its CSP are left as they are.
/// </summary>
internal static class QrScanner
{
    /// <summary>The text the QR code in <paramref name="image"/> holds, or null when none can be read.</summary>
    public static async Task<string?> ScanAsync(Browser browser, ILocator image)
    {
        var screenshot = await image.ScreenshotAsync();
        var jsQr = Path.Combine(NodeTools.EnsureInstalled(RepositoryRoot.Find()), "jsqr", "dist", "jsQR.js");
        await using var scanner = await browser.NewPageAsync();
        await scanner.Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = jsQr });
        return await scanner.Page.EvaluateAsync<string?>("""
            async source => {
              const image = new Image();
              image.src = source;
              await image.decode();
              const canvas = document.createElement('canvas');
              canvas.width = image.naturalWidth;
              canvas.height = image.naturalHeight;
              const context = canvas.getContext('2d');
              context.drawImage(image, 0, 0);
              const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
              const code = jsQR(pixels.data, canvas.width, canvas.height);
              return code ? code.data : null;
            }
            """, "data:image/png;base64," + Convert.ToBase64String(screenshot));
    }
}
