using System.Text;
using VisitPlanner.Core.Import;

namespace VisitPlanner.Core.Tests.Import;

/// <summary>Content lines read as RFC 5545 section 3.1 writes them, each knowing the physical line it starts on; text that is not content lines fails with that line.</summary>
public class ContentLineReaderTests
{
    [Fact]
    public void FoldedLinesAreUnfoldedAndKeepTheLineTheyStartOn()
    {
        var lines = ContentLineReader.Read("BEGIN:VCALENDAR\r\nDESCRIPTION:各部门汇报\r\n 上周工作\r\n\t，重点项目\r\nSUMMARY:周例会\r\nEND:VCALENDAR\r\n");

        Assert.Equal(["BEGIN", "DESCRIPTION", "SUMMARY", "END"], lines.Select(l => l.Name));
        Assert.Equal("各部门汇报上周工作，重点项目", lines[1].Value);
        Assert.Equal([1, 2, 5, 6], lines.Select(l => l.Line));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void LinesMayEndInCrlfLfOrCr(string newline)
    {
        var lines = ContentLineReader.Read(string.Join(newline, "BEGIN:VCALENDAR", "SUMMARY:周", " 例会", "", "END:VCALENDAR"));

        Assert.Equal("周例会", lines[1].Value);
        // The empty line is passed over but counted.
        Assert.Equal([1, 2, 5], lines.Select(l => l.Line));
    }

    [Fact]
    public void ALineFoldedInsideAMultiByteCharacterStillReads()
    {
        // "会" is E4 BC 9A; a writer that folds at 75 octets without care splits it.
        var bytes = Encoding.UTF8.GetBytes("SUMMARY:周例会\r\n");
        var split = Array.IndexOf(bytes, (byte)0xBC);
        var folded = bytes[..split].Concat("\r\n "u8.ToArray()).Concat(bytes[split..]).ToArray();

        var line = Assert.Single(ContentLineReader.Read(folded));

        Assert.Equal("周例会", line.Value);
    }

    [Fact]
    public void ParametersAreReadWithQuotedValuesListsAndRfc6868Escapes()
    {
        var line = Assert.Single(ContentLineReader.Read(
            "attendee;cn=\"Li, Weiping: 李卫平\";Member=\"mailto:a@x.example\",\"mailto:b@x.example\";X-TITLE=^'主任^'^n寿阳:mailto:liweiping@shouyang-edz.example"));

        Assert.Equal("ATTENDEE", line.Name);
        Assert.Equal("Li, Weiping: 李卫平", line.Parameter("CN"));
        Assert.Equal(["mailto:a@x.example", "mailto:b@x.example"], line.Parameters.Single(p => p.Name == "MEMBER").Values);
        Assert.Equal("\"主任\"\n寿阳", line.Parameter("X-TITLE"));
        Assert.Equal("mailto:liweiping@shouyang-edz.example", line.Value);
        Assert.Null(line.Parameter("ROLE"));
    }

    [Fact]
    public void AValueKeepsItsColonsAndEscapes()
    {
        var line = Assert.Single(ContentLineReader.Read("DESCRIPTION:议程：一、开场\\, 二、交流\\; 三、总结\\n时间 09:00"));

        Assert.Equal("议程：一、开场\\, 二、交流\\; 三、总结\\n时间 09:00", line.Value);
        Assert.Equal("议程：一、开场, 二、交流; 三、总结\n时间 09:00", IcsText.Unescape(line.Value));
    }

    [Theory]
    [InlineData("a\\\\b\\;c\\,d\\Ne", "a\\b;c,d\ne")]
    [InlineData("C:\\:x", "C::x")]
    [InlineData("end\\", "end\\")]
    public void TextIsUnescapedAsRfc5545Says(string value, string text) => Assert.Equal(text, IcsText.Unescape(value));

    [Fact]
    public void AListSplitsOnlyAtCommasNotEscaped() =>
        Assert.Equal(["会议", "研讨, 交流", "红色类别"], IcsText.SplitList("会议,研讨\\, 交流,红色类别"));

    [Fact]
    public void AByteOrderMarkIsNoPartOfTheFirstLine()
    {
        var lines = ContentLineReader.Read("\uFEFFBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray());

        Assert.Equal("BEGIN", lines[0].Name);
    }

    [Theory]
    [InlineData("BEGIN:VCALENDAR\r\n重点项目逐项过堂。\r\n", 2, "'重点项目逐项过堂。' is not a content line: it has no ':'")]
    [InlineData("BEGIN:VCALENDAR\r\nSUMMARY\r\n", 2, "'SUMMARY' is not a content line: it has no ':'")]
    [InlineData("BEGIN:VCALENDAR\r\nSUM MARY:x\r\n", 2, "a property name is letters, digits and '-'")]
    [InlineData(" folded:first\r\n", 1, "continues a folded line, but there is no line before it")]
    [InlineData("BEGIN:VCALENDAR\r\n\r\n continued:x\r\n", 3, "continues a folded line, but there is no line before it")]
    [InlineData("BEGIN:VCALENDAR\r\nATTENDEE;CN=\"李卫平:mailto:a@x.example\r\n", 2, "ATTENDEE's parameter CN opens a quoted value that is never closed")]
    [InlineData("BEGIN:VCALENDAR\r\nDTSTART;TZID:20261012T090000\r\n", 2, "DTSTART has a parameter TZID without '='")]
    [InlineData("BEGIN:VCALENDAR\r\nDTSTART;=x:20261012T090000\r\n", 2, "DTSTART has a parameter without a name")]
    [InlineData("BEGIN:VCALENDAR\r\nDTSTART;TZID=\"Asia/Shanghai\"x:1\r\n", 2, "DTSTART has no ':' before its value")]
    public void TextThatIsNoContentLineFailsWithItsLine(string text, int line, string message)
    {
        var error = Assert.Throws<IcsSyntaxException>(() => ContentLineReader.Read(text));

        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Reason);
        Assert.StartsWith($"line {line}: ", error.Message);
    }

    [Fact]
    public void BytesThatAreNotUtf8FailWithTheirLineAndOctet()
    {
        // "寿阳" in GBK, as a file saved by an old Windows tool is.
        var bytes = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nSUMMARY:\r\n x").Concat(new byte[] { 0xCA, 0xD9, 0xD1, 0xF4 }).ToArray();

        var error = Assert.Throws<IcsSyntaxException>(() => ContentLineReader.Read(bytes));

        Assert.Equal(3, error.Line);
        Assert.Equal("is not valid UTF-8: byte 0xCA at octet 3 of the line cannot start or continue a character (save the file as UTF-8)", error.Reason);
    }

    [Fact]
    public void ALoneSurrogateInTextFailsWithItsLine()
    {
        var error = Assert.Throws<IcsSyntaxException>(() => ContentLineReader.Read("BEGIN:VCALENDAR\r\nSUMMARY:周例会\ud800\r\nEND:VCALENDAR\r\n"));

        Assert.Equal(2, error.Line);
        Assert.Contains("lone surrogate (U+D800)", error.Reason);
    }

    [Fact]
    public void APropertyLongerThanTheBoundFailsTheFile()
    {
        var folds = string.Concat(Enumerable.Repeat("\r\n " + new string('x', 74), ImportLimits.MaxPropertyOctets / 74 + 1));
        var text = "BEGIN:VCALENDAR\r\nX-ALT-DESC:" + folds + "\r\nEND:VCALENDAR\r\n";

        var error = Assert.Throws<IcsTooLargeException>(() => ContentLineReader.Read(text));

        Assert.Equal(2, error.Line);
        Assert.Contains("one property, unfolded, is longer than 256 KiB", error.Reason);
    }

    [Fact]
    public void MoreThanTwoMebibytesFailTheFile()
    {
        var error = Assert.Throws<IcsTooLargeException>(() => ContentLineReader.Read(new byte[ImportLimits.MaxInputOctets + 1]));

        Assert.Equal(1, error.Line);
        Assert.Contains("an import reads at most 2,097,152 (2 MiB)", error.Reason);
    }
}
