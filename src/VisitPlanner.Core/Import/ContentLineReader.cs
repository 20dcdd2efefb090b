using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace VisitPlanner.Core.Import;

/// <summary>
/// Reads iCalendar text into content lines (RFC 5545 section 3.1), counting physical lines so every error can name one.
/// Lines end in CRLF, LF or a lone CR; a line starting with a space or a tab continues the one before (the break and
/// that one character are removed); empty lines are passed over. Lines are unfolded as octets and only then decoded, so
/// a writer that folded in the middle of a multi-byte character, as some do, still reads. Parameter values may be
/// quoted (then <c>;</c>, <c>:</c> and <c>,</c> are plain characters in them) and carry RFC 6868 escapes.
/// </summary>
public static class ContentLineReader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Text already decoded; a lone surrogate in it is refused with its line, as bad UTF-8 would be.</summary>
    public static IReadOnlyList<ContentLine> Read(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) throw new IcsSyntaxException(LineAt(text, i), $"is not valid Unicode: it holds a lone surrogate (U+{(int)text[i]:X4})");
        }
        // Every character takes at least one octet, so a longer text is too large without encoding it.
        if (text.Length > ImportLimits.MaxInputOctets) throw TooLarge(Strict.GetByteCount(text));
        return Read(Strict.GetBytes(text));
    }

    public static IReadOnlyList<ContentLine> Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > ImportLimits.MaxInputOctets) throw TooLarge(utf8.Length);
        // A byte order mark is no part of the first line (Windows editors write one).
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        var lines = new List<ContentLine>();
        var logical = new LogicalLine();
        var number = 0;
        while (!utf8.IsEmpty)
        {
            number++;
            var end = utf8.IndexOfAny((byte)'\r', (byte)'\n');
            var physical = end < 0 ? utf8 : utf8[..end];
            var next = end < 0 ? utf8.Length : end + (utf8[end] == '\r' && end + 1 < utf8.Length && utf8[end + 1] == '\n' ? 2 : 1);
            if (!physical.IsEmpty && physical[0] is (byte)' ' or (byte)'\t')
            {
                if (logical.IsEmpty)
                    throw new IcsSyntaxException(number, "starts with a space or a tab, so it continues a folded line, but there is no line before it to continue");
                logical.Append(physical[1..], number);
            }
            else
            {
                if (!logical.IsEmpty) lines.Add(Parse(logical));
                logical.Clear();
                if (!physical.IsEmpty) logical.Append(physical, number);
            }
            utf8 = utf8[next..];
        }
        if (!logical.IsEmpty) lines.Add(Parse(logical));
        return lines;
    }

    private static IcsTooLargeException TooLarge(int octets) => new(1,
        $"the file has {octets.ToString("N0", CultureInfo.InvariantCulture)} octets; an import reads at most {ImportLimits.MaxInputOctets.ToString("N0", CultureInfo.InvariantCulture)} (2 MiB): split it");

    private static int LineAt(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) line++;
        }
        return line;
    }

    private static ContentLine Parse(LogicalLine logical)
    {
        var line = logical.FirstLine;
        var text = Decode(logical);
        var i = 0;
        while (i < text.Length && IsNameChar(text[i])) i++;
        if (text.IndexOf(':') < 0)
            throw new IcsSyntaxException(line, $"'{Excerpt(text)}' is not a content line: it has no ':' (NAME:value), and a line continuing the one before must start with a space or a tab");
        if (i == 0 || text[i] is not (';' or ':'))
            throw new IcsSyntaxException(line, $"'{Excerpt(text)}' is not a content line: a property name is letters, digits and '-', followed by ';' or ':'");
        var name = text[..i].ToUpperInvariant();
        var parameters = new List<ContentParameter>();
        while (i < text.Length && text[i] == ';')
        {
            i++;
            var start = i;
            while (i < text.Length && IsNameChar(text[i])) i++;
            if (i == start) throw new IcsSyntaxException(line, $"{name} has a parameter without a name after ';'");
            var parameterName = text[start..i].ToUpperInvariant();
            if (i >= text.Length || text[i] != '=') throw new IcsSyntaxException(line, $"{name} has a parameter {parameterName} without '=' (NAME=value)");
            var values = new List<string>();
            do
            {
                i++;
                if (i < text.Length && text[i] == '"')
                {
                    var close = text.IndexOf('"', i + 1);
                    if (close < 0) throw new IcsSyntaxException(line, $"{name}'s parameter {parameterName} opens a quoted value that is never closed");
                    values.Add(Rfc6868(text[(i + 1)..close]));
                    i = close + 1;
                }
                else
                {
                    var stop = text.IndexOfAny([',', ';', ':'], i);
                    if (stop < 0) stop = text.Length;
                    values.Add(Rfc6868(text[i..stop]));
                    i = stop;
                }
            }
            while (i < text.Length && text[i] == ',');
            parameters.Add(new ContentParameter(parameterName, values));
        }
        if (i >= text.Length || text[i] != ':')
            throw new IcsSyntaxException(line, $"{name} has no ':' before its value (after its parameters comes ':' and the value)");
        return new ContentLine(line, name, parameters, text[(i + 1)..]);
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    /// <summary>The line decoded, or the physical line and octet where it stops being UTF-8.</summary>
    private static string Decode(LogicalLine logical)
    {
        var bytes = logical.Bytes;
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                var (line, column) = logical.Locate(read);
                throw new IcsSyntaxException(line, $"is not valid UTF-8: byte 0x{bytes[read]:X2} at octet {column} of the line cannot start or continue a character (save the file as UTF-8)");
            }
            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>RFC 6868: <c>^n</c> is a line break, <c>^'</c> a double quote, <c>^^</c> a caret; any other caret is itself.</summary>
    private static string Rfc6868(string value)
    {
        if (!value.Contains('^')) return value;
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '^' && i + 1 < value.Length && value[i + 1] is 'n' or '\'' or '^')
            {
                result.Append(value[++i] switch { 'n' => '\n', '\'' => '"', _ => '^' });
            }
            else result.Append(value[i]);
        }
        return result.ToString();
    }

    /// <summary>The start of a line for a message: enough to find it, never a whole DESCRIPTION.</summary>
    private static string Excerpt(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>The octets of one content line being unfolded, and where each physical line's part of it begins.</summary>
    private sealed class LogicalLine
    {
        private readonly ArrayBufferWriter<byte> _bytes = new(256);
        private readonly List<(int Offset, int Line, int Skipped)> _parts = [];

        public bool IsEmpty => _parts.Count == 0;

        public int FirstLine => _parts[0].Line;

        public ReadOnlySpan<byte> Bytes => _bytes.WrittenSpan;

        public void Append(ReadOnlySpan<byte> part, int line)
        {
            if (_bytes.WrittenCount + part.Length > ImportLimits.MaxPropertyOctets)
                throw new IcsTooLargeException(FirstLineOr(line),
                    $"one property, unfolded, is longer than {ImportLimits.MaxPropertyOctets / 1024} KiB (it reaches line {line}); an import reads properties up to that");
            // A continuation lost its leading space or tab: one octet to add back when counting columns.
            _parts.Add((_bytes.WrittenCount, line, _parts.Count == 0 ? 0 : 1));
            _bytes.Write(part);
        }

        public void Clear()
        {
            _bytes.ResetWrittenCount();
            _parts.Clear();
        }

        /// <summary>The physical line and 1-based octet within it of an offset into the unfolded octets.</summary>
        public (int Line, int Column) Locate(int offset)
        {
            var part = _parts.Last(p => p.Offset <= offset);
            return (part.Line, offset - part.Offset + part.Skipped + 1);
        }

        private int FirstLineOr(int line) => _parts.Count == 0 ? line : _parts[0].Line;
    }
}
