using System.Buffers;
using System.Text;
using NodaTime;
using VisitPlanner.Core.Feeds.Model;

namespace VisitPlanner.Core.Feeds.Serialization;

/// <summary>
/// Writes iCalendar content lines (RFC 5545 section 3.1) as UTF-8: <c>NAME;PARAM=value:value</c>, TEXT values escaped
/// (section 3.3.11), parameter values quoted where they must be and escaped by RFC 6868 (<c>^'</c>, <c>^n</c>, <c>^^</c>),
/// and every line folded at 75 octets without splitting a character, CRLF-terminated. One line is built at a time in a
/// reused buffer, then encoded and folded straight into the output.
/// </summary>
public sealed class ContentLineWriter(IBufferWriter<byte> output)
{
    /// <summary>Octets per line before a fold (RFC 5545 section 3.1), not counting the CRLF.</summary>
    public const int MaxLineOctets = 75;

    private readonly LineBuffer _line = new();
    private readonly StringBuilder _text = new(1024);

    public IBufferWriter<byte> Output => output;

    public void Begin(string component) => Raw("BEGIN", component);

    public void End(string component) => Raw("END", component);

    /// <summary>A property whose value needs no escaping (dates, numbers, URIs, keywords).</summary>
    public void Raw(string name, string value)
    {
        _line.Clear().Append(name).Append(':').Append(value);
        Flush();
    }

    /// <summary>A TEXT property: backslash, semicolon, comma and line breaks escaped.</summary>
    public void Text(string name, string value)
    {
        _line.Clear().Append(name).Append(':');
        AppendText(value);
        Flush();
    }

    /// <summary>A TEXT property of several values (CATEGORIES): each escaped, the commas between them not.</summary>
    public void TextList(string name, IReadOnlyList<string> values)
    {
        _line.Clear().Append(name).Append(':');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) _line.Append(',');
            AppendText(values[i]);
        }
        Flush();
    }

    /// <summary>GEO: latitude and longitude as FLOATs, <c>GEO:37.386013;-122.082932</c> (RFC 5545 section 3.8.1.6).</summary>
    public void Geo(string name, double latitude, double longitude)
    {
        _line.Clear().Append(name).Append(':').AppendNumber(latitude).Append(';').AppendNumber(longitude);
        Flush();
    }

    /// <summary>A TEXT property written by what it says (<see cref="FeedText"/>), through one reused builder.</summary>
    public void Text(string name, FeedText value)
    {
        _line.Clear().Append(name).Append(':');
        _text.Clear();
        value.AppendTo(_text);
        foreach (var chunk in _text.GetChunks()) AppendText(chunk.Span);
        Flush();
    }

    /// <summary>A DATE-TIME in UTC, <c>NAME:19970714T173000Z</c> (RFC 5545 section 3.3.5, form 2).</summary>
    public void Raw(string name, Instant value)
    {
        _line.Clear().Append(name).Append(':');
        AppendDateTime(value.InUtc().LocalDateTime);
        _line.Append('Z');
        Flush();
    }

    /// <summary>An INTEGER property (RFC 5545 section 3.3.8).</summary>
    public void Raw(string name, int value)
    {
        _line.Clear().Append(name).Append(':');
        _line.AppendNumber(value);
        Flush();
    }

    /// <summary>Ends a property begun by <see cref="Name"/> with a local DATE-TIME, <c>19970714T133000</c> (form 1 or 3).</summary>
    public void Value(LocalDateTime value)
    {
        _line.Append(':');
        AppendDateTime(value);
        Flush();
    }

    /// <summary>Ends a property begun by <see cref="Name"/> with a DATE, <c>19970714</c> (RFC 5545 section 3.3.4).</summary>
    public void Value(LocalDate value)
    {
        _line.Append(':');
        AppendDate(value);
        Flush();
    }

    // Digits straight into the line rather than NodaTime's patterns, which return a string: a feed of 5,000 VEVENTs
    // writes over 25,000 dates. Years are four digits, as RFC 5545's DATE is; events are kept within years 1–9999.
    private void AppendDate(LocalDate date) => _line.AppendDigits(date.Year, 4).AppendDigits(date.Month, 2).AppendDigits(date.Day, 2);

    private void AppendDateTime(LocalDateTime value)
    {
        AppendDate(value.Date);
        _line.Append('T').AppendDigits(value.Hour, 2).AppendDigits(value.Minute, 2).AppendDigits(value.Second, 2);
    }

    /// <summary>Starts a property with parameters: call <see cref="Parameter"/> for each, then <see cref="Value"/>.</summary>
    public ContentLineWriter Name(string name)
    {
        _line.Clear().Append(name);
        return this;
    }

    public ContentLineWriter Parameter(string name, string value)
    {
        _line.Append(';').Append(name).Append('=');
        var quote = value.AsSpan().IndexOfAny(":;,") >= 0 || value.Length == 0;
        if (quote) _line.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                // RFC 6868: a parameter value cannot hold these as they are. A caret needs doubling only where a reader
                // would otherwise take it for one of these escapes; elsewhere it stays as it is, which readers without
                // RFC 6868 (python-icalendar) show right too.
                case '^':
                    _line.Append(i + 1 < value.Length && value[i + 1] is '^' or '\'' or 'n' ? "^^" : "^");
                    break;
                case '"': _line.Append("^'"); break;
                case '\n': _line.Append("^n"); break;
                case '\r': break;
                default:
                    if (!char.IsControl(c)) _line.Append(c);
                    break;
            }
        }
        if (quote) _line.Append('"');
        return this;
    }

    public void Value(string value)
    {
        _line.Append(':').Append(value);
        Flush();
    }

    public void TextValue(string value)
    {
        _line.Append(':');
        AppendText(value);
        Flush();
    }

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("\\;,\n\r");

    /// <summary>Copies runs of plain text at once and escapes what TEXT must (RFC 5545 section 3.3.11) between them.</summary>
    private void AppendText(ReadOnlySpan<char> value)
    {
        while (true)
        {
            var special = value.IndexOfAny(TextSpecials);
            if (special < 0)
            {
                _line.Append(value);
                return;
            }
            _line.Append(value[..special]);
            switch (value[special])
            {
                case '\\': _line.Append("\\\\"); break;
                case ';': _line.Append("\\;"); break;
                case ',': _line.Append("\\,"); break;
                case '\n': _line.Append("\\n"); break;
                case '\r':
                    // CRLF and a lone CR are both one line break.
                    if (special + 1 < value.Length && value[special + 1] == '\n') break;
                    _line.Append("\\n");
                    break;
            }
            value = value[(special + 1)..];
        }
    }

    /// <summary>
    /// Encodes the line as UTF-8 in one pass, then writes it folded: before any character that would take a line past
    /// 75 octets, never inside one (a fold goes back to the first octet of the character it would split).
    /// </summary>
    private void Flush()
    {
        var chars = _line.Span;
        var bytes = _encoded.Ensure(Encoding.UTF8.GetMaxByteCount(chars.Length));
        // The API refuses lone surrogates, so none arrive here to be replaced.
        var length = Encoding.UTF8.GetBytes(chars, bytes);
        var rest = (ReadOnlySpan<byte>)bytes[..length];
        var width = MaxLineOctets;
        while (rest.Length > width)
        {
            var cut = width;
            while (cut > 0 && (rest[cut] & 0xC0) == 0x80) cut--;
            output.Write(rest[..cut]);
            output.Write("\r\n "u8);
            rest = rest[cut..];
            // A continuation line begins with the space of the fold, which counts towards its 75 octets.
            width = MaxLineOctets - 1;
        }
        output.Write(rest);
        output.Write("\r\n"u8);
    }

    private readonly ByteBuffer _encoded = new();

    /// <summary>The line as UTF-8: one growable array, reused for every line.</summary>
    private sealed class ByteBuffer
    {
        private byte[] _bytes = new byte[1024];

        public Span<byte> Ensure(int length)
        {
            if (length > _bytes.Length) _bytes = new byte[Math.Max(length, _bytes.Length * 2)];
            return _bytes;
        }
    }

    /// <summary>The line being built: one growable array of characters, reused for every line.</summary>
    private sealed class LineBuffer
    {
        private char[] _chars = new char[256];
        private int _length;

        public ReadOnlySpan<char> Span => _chars.AsSpan(0, _length);

        public LineBuffer Clear()
        {
            _length = 0;
            return this;
        }

        public LineBuffer Append(char c)
        {
            if (_length == _chars.Length) Array.Resize(ref _chars, _chars.Length * 2);
            _chars[_length++] = c;
            return this;
        }

        /// <summary>A non-negative number in exactly <paramref name="width"/> digits, zeros in front.</summary>
        public LineBuffer AppendDigits(int value, int width)
        {
            for (var i = 0; i < width; i++) Append('0');
            for (var i = _length - 1; i >= _length - width; i--)
            {
                _chars[i] = (char)('0' + value % 10);
                value /= 10;
            }
            return this;
        }

        public LineBuffer AppendNumber(int value)
        {
            Span<char> digits = stackalloc char[11];
            value.TryFormat(digits, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            return Append(digits[..written]);
        }

        /// <summary>As <see cref="double.ToString(IFormatProvider)"/> with the invariant culture writes it (the shortest text that reads back the same).</summary>
        public LineBuffer AppendNumber(double value)
        {
            Span<char> digits = stackalloc char[32];
            value.TryFormat(digits, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            return Append(digits[..written]);
        }

        public LineBuffer Append(string text) => Append(text.AsSpan());

        public LineBuffer Append(ReadOnlySpan<char> text)
        {
            if (_length + text.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + text.Length));
            text.CopyTo(_chars.AsSpan(_length));
            _length += text.Length;
            return this;
        }
    }
}
