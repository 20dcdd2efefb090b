using System.Globalization;
using System.Text;

namespace VisitPlanner.Core.Json;

/// <summary>
/// Whether a text shows anything. Zero-width and other format characters (U+200B, U+2060, U+FEFF, U+00AD, bidi
/// controls), combining marks without a base, and the few letters that render as nothing (U+3164 HANGUL FILLER and
/// its kin, U+2800 BRAILLE BLANK) are invisible: a title made only of them is no title.
/// </summary>
public static class VisibleText
{
    public static bool HasVisibleCharacter(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsInvisible(rune)) return true;
        }
        return false;
    }

    public static bool IsInvisible(Rune rune) =>
        Rune.IsWhiteSpace(rune)
        || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x180E
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Control;
}
