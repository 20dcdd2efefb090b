using System.Text;

namespace VisitPlanner.Core.Import;

/// <summary>TEXT values (RFC 5545 section 3.3.11), unescaped.</summary>
public static class IcsText
{
    /// <summary>
    /// <c>\\</c>, <c>\;</c>, <c>\,</c> and <c>\n</c> or <c>\N</c> (a line break) undone. A backslash before any other
    /// character is dropped and the character kept (<c>\:</c> is written by some exporters), and a last lone backslash
    /// kept: text is better read a little wrong than not at all.
    /// </summary>
    public static string Unescape(string value)
    {
        if (!value.Contains('\\')) return value;
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length)
            {
                text.Append(value[i]);
                continue;
            }
            var next = value[++i];
            text.Append(next is 'n' or 'N' ? '\n' : next);
        }
        return text.ToString();
    }

    /// <summary>A list of TEXT values (CATEGORIES, RESOURCES): split at commas not escaped, each unescaped.</summary>
    public static IReadOnlyList<string> SplitList(string value)
    {
        var values = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\') i++;
            else if (value[i] == ',')
            {
                values.Add(Unescape(value[start..i]));
                start = i + 1;
            }
        }
        values.Add(Unescape(value[start..]));
        return values;
    }
}
