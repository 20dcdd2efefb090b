using System.Buffers;
using System.Text;
using VisitPlanner.Core.Feeds.Serialization;
using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Feeds.Serialization;

public class ContentLineWriterTests
{
    private static string Write(Action<ContentLineWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(new ContentLineWriter(output));
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Theory]
    [InlineData("李卫平", "CN=李卫平")]
    [InlineData("Wang, Yong", "CN=\"Wang, Yong\"")]
    [InlineData("\"Lao\" Zhang", "CN=^'Lao^' Zhang")]
    [InlineData("a^b", "CN=a^b")]
    [InlineData("a^nb", "CN=a^^nb")]
    [InlineData("a^'b", "CN=a^^'b")]
    [InlineData("two\nlines", "CN=two^nlines")]
    public void ParameterValuesAreQuotedAndEscapedByRfc6868(string name, string written) =>
        Assert.Equal($"ATTENDEE;{written}:mailto:x@shouyang.example\r\n", Write(w => w.Name("ATTENDEE").Parameter("CN", name).Value("mailto:x@shouyang.example")));

    [Theory]
    [InlineData("\"Lao\" Zhang, driver")]
    [InlineData("a^nb ^ c")]
    [InlineData("李\n卫平")]
    public void AnRfc6868ReaderGetsTheNameBack(string name)
    {
        var feed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:u\r\nSEQUENCE:0\r\nDTSTAMP:20251008T063000Z\r\nDTSTART:20251015T003000Z\r\nDTEND:20251015T013000Z\r\nSUMMARY:s\r\n"
            + Write(w => w.Name("ATTENDEE").Parameter("CN", name).Value("mailto:x@shouyang.example")) + "END:VEVENT\r\nEND:VCALENDAR\r\n";

        Assert.Equal(name, Assert.Single(Assert.Single(FeedParsers.ParseWithIcalJs(feed).Events).Attendees).Name);
    }

    [Fact]
    public void TextEscapesItsSeparatorsAndTakesEveryLineBreakAsOne() =>
        Assert.Equal("DESCRIPTION:a\\, b\\; c\\\\ d\\ne\\nf\\ng\r\n", Write(w => w.Text("DESCRIPTION", "a, b; c\\ d\ne\r\nf\rg")));

    [Fact]
    public void LinesFoldAtSeventyFiveOctetsAndNeverInsideACharacter()
    {
        var text = Write(w => w.Text("SUMMARY", string.Concat(Enumerable.Repeat("航天🚀a", 40))));

        foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line);
            Assert.DoesNotContain('\uFFFD', line);
        }
        Assert.Equal(string.Concat(Enumerable.Repeat("航天🚀a", 40)), text.Replace("\r\n ", "")["SUMMARY:".Length..^2]);
    }
}
