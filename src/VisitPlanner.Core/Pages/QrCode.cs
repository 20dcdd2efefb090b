using System.Text;
using QRCoder;

namespace VisitPlanner.Core.Pages;

/// <summary>QR codes of feed URLs, drawn on the server as SVG so a page needs no script or outside service to show one.</summary>
public static class QrCode
{
    /// <summary>An SVG of <paramref name="text"/> (error correction M, with the quiet zone scanners need), sized by its viewBox.</summary>
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var code = new SvgQRCode(data);
        return code.GetGraphic(8, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary><see cref="Svg"/> as a <c>data:image/svg+xml;base64,…</c> URL for an img element (allowed by <c>img-src data:</c>).</summary>
    public static string SvgDataUrl(string text) => "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Svg(text)));
}
