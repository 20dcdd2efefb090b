using VisitPlanner.Core.Pages;

namespace VisitPlanner.Core.Tests.Pages;

public class HtmlTextTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;")]
    [InlineData("寿阳经开区 外出考察", "寿阳经开区 外出考察")]
    [InlineData(null, "")]
    public void EncodesWhatHtmlWouldRead(string? text, string expected) => Assert.Equal(expected, HtmlText.Encode(text));

    [Fact]
    public void AnAttributeCannotBeClosedFromInside() =>
        Assert.Equal(" href=\"x&quot; onclick=&quot;alert(1)\"", HtmlText.Attribute("href", "x\" onclick=\"alert(1)"));

    [Fact]
    public void AQrCodeIsAnSvgDataUrl()
    {
        var url = QrCode.SvgDataUrl("https://visitplanner.example/api/calendars/x/feed.ics?token=abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop");

        Assert.StartsWith("data:image/svg+xml;base64,", url);
        var svg = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(url["data:image/svg+xml;base64,".Length..]));
        Assert.StartsWith("<svg", svg.TrimStart());
        Assert.EndsWith("</svg>", svg.TrimEnd());
    }
}
