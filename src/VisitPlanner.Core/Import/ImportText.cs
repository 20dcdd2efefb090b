using System.Globalization;
using System.Text;
using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Import;

/// <summary>
/// Text from the file made into what the API's fields take (<see cref="TextRules"/>): single-line fields get spaces for
/// line breaks and tabs, control characters (which no JSON field takes) are dropped, and text longer than its field
/// keeps its first characters and ends in "…", with a warning. Cutting is better than skipping the event: a title or
/// description written long elsewhere is still the event the organizer meant to bring over.
/// </summary>
internal static class ImportText
{
    private const string Ellipsis = "…";

    /// <summary>A title, name or place: one line, at most <paramref name="rules"/>' length; null when nothing visible is left.</summary>
    public static string? Line(string text, TextRules rules, ContentLine source, string field, List<string> warnings)
    {
        var line = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\t') line.Append(' ');
            else if (!char.IsControl(c)) line.Append(c);
        }
        return Bounded(line.ToString(), rules, source, field, warnings);
    }

    /// <summary>Notes: line breaks kept (as LF), at most <paramref name="rules"/>' length; null when nothing visible is left.</summary>
    public static string? Block(string text, TextRules rules, ContentLine source, string field, List<string> warnings)
    {
        var block = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') continue;
                block.Append('\n');
            }
            else if (c is '\n' or '\t' || !char.IsControl(c)) block.Append(c);
        }
        return Bounded(block.ToString(), rules, source, field, warnings);
    }

    private static string? Bounded(string text, TextRules rules, ContentLine source, string field, List<string> warnings)
    {
        text = text.Trim();
        if (!VisibleText.HasVisibleCharacter(text)) return null;
        var length = text.EnumerateRunes().Count();
        if (length <= rules.MaxLength) return text;
        var kept = new StringBuilder();
        foreach (var rune in text.EnumerateRunes().Take(rules.MaxLength - 1)) kept.Append(rune.ToString());
        warnings.Add(ImportWarnings.At(source, $"{Number(length)} characters, more than {field} takes ({Number(rules.MaxLength)}): it keeps the first {Number(rules.MaxLength - 1)} and \"{Ellipsis}\""));
        return kept.ToString().TrimEnd() + Ellipsis;
    }

    /// <summary>"5,000": numbers in messages, the same on every host.</summary>
    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
