using System.Buffers;
using System.Text;

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

    private void AppendText(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': _line.Append("\\\\"); break;
                case ';': _line.Append("\\;"); break;
                case ',': _line.Append("\\,"); break;
                case '\n': _line.Append("\\n"); break;
                case '\r':
                    // CRLF and a lone CR are both one line break.
                    if (i + 1 < value.Length && value[i + 1] == '\n') break;
                    _line.Append("\\n");
                    break;
                default: _line.Append(c); break;
            }
        }
    }

    /// <summary>Encodes the line as UTF-8, folding before any character that would take it past 75 octets.</summary>
    private void Flush()
    {
        Span<byte> encoded = stackalloc byte[4];
        var width = 0;
        var span = _line.Span;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            int length;
            if (c < 0x80)
            {
                encoded[0] = (byte)c;
                length = 1;
            }
            else
            {
                // A surrogate pair is one character of four octets; the API refuses lone surrogates, so none arrive here.
                var units = char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]) ? 2 : 1;
                length = Encoding.UTF8.GetBytes(span.Slice(i, units), encoded);
                i += units - 1;
            }
            if (width + length > MaxLineOctets)
            {
                output.Write("\r\n "u8);
                width = 1;
            }
            output.Write(encoded[..length]);
            width += length;
        }
        output.Write("\r\n"u8);
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

        public LineBuffer Append(string text)
        {
            if (_length + text.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + text.Length));
            text.CopyTo(_chars.AsSpan(_length));
            _length += text.Length;
            return this;
        }
    }
}
