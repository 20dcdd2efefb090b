using System.Text;
using System.Text.Encodings.Web;

namespace VisitPlanner.Storage.Documents;

/// <summary>
/// Escapes only what JSON itself requires (quote, backslash, control characters): everything else, Chinese and emoji
/// included, is written as its UTF-8 bytes. System.Text.Json's relaxed encoder still writes every character outside the
/// Basic Multilingual Plane as a 12-byte pair of \u escapes, which tripled the size of emoji-heavy documents.
/// </summary>
internal sealed class DocumentEncoder : JavaScriptEncoder
{
    public static readonly DocumentEncoder Instance = new();

    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) => unicodeScalar < 0x20 || unicodeScalar is '"' or '\\';

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (var i = 0; i < textLength; i++)
        {
            var c = text[i];
            if (c < 0x20 || c is '"' or '\\') return i;
            // A lone surrogate cannot be written as UTF-8; the API refuses them, so this only guards against a bug.
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < textLength && char.IsLowSurrogate(text[i + 1])) i++;
                else return i;
            }
            else if (char.IsLowSurrogate(c)) return i;
        }
        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var escaped = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            < 0x20 => $"\\u{unicodeScalar:X4}",
            _ => new Rune(unicodeScalar).ToString(),
        };
        if (escaped.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }
        escaped.CopyTo(new Span<char>(buffer, bufferLength));
        numberOfCharactersWritten = escaped.Length;
        return true;
    }
}
