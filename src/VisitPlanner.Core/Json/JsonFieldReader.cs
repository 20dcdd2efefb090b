using System.Text.Json;

namespace VisitPlanner.Core.Json;

/// <summary>
/// Reads fields out of a parsed JSON object and records every problem with its path, so one response
/// can name all the fields that are wrong instead of the first exception's.
/// </summary>
public sealed class JsonFieldReader
{
    private readonly List<FieldError> _errors = [];
    private readonly List<FieldWarning> _warnings = [];

    /// <summary>What was accepted but not as sent (a local time that does not exist, or happens twice), for the answer to say.</summary>
    public IReadOnlyList<FieldWarning> Warnings => _warnings;

    public void Warn(string path, string message) => _warnings.Add(new FieldWarning(path, message));

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Fail(string path, string message) => _errors.Add(new FieldError(path, message));

    /// <summary>How many errors there are so far: see <see cref="EnsureFailedSince"/>.</summary>
    public int Mark => _errors.Count;

    /// <summary>
    /// For a reader that gave up on an element: it must have said why since <paramref name="mark"/>. If not, that is a
    /// reader bug, and it is reported as an error on the element rather than the element being silently dropped.
    /// </summary>
    public void EnsureFailedSince(int mark, string path)
    {
        if (_errors.Count == mark) Fail(path, "could not be read");
    }

    public static string PathOf(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static string PathOf(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The property, or null when it is absent or JSON null.</summary>
    public static JsonElement? Find(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public JsonElement? Object(JsonElement obj, string name, string parentPath, bool required)
    {
        var path = PathOf(parentPath, name);
        var value = Find(obj, name);
        if (value is null)
        {
            if (required) Fail(path, "is required");
            return null;
        }
        if (value.Value.ValueKind != JsonValueKind.Object)
        {
            Fail(path, $"must be an object, not {Describe(value.Value)}");
            return null;
        }
        return value;
    }

    public IReadOnlyList<JsonElement>? Array(JsonElement obj, string name, string parentPath, bool required, int maxItems)
    {
        var path = PathOf(parentPath, name);
        var value = Find(obj, name);
        if (value is null)
        {
            if (required) Fail(path, "is required");
            return null;
        }
        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            Fail(path, $"must be an array, not {Describe(value.Value)}");
            return null;
        }
        var length = value.Value.GetArrayLength();
        if (length > maxItems)
        {
            Fail(path, $"must have at most {maxItems} entries, not {length}");
            return null;
        }
        return value.Value.EnumerateArray().ToArray();
    }

    public string? String(JsonElement obj, string name, string parentPath, bool required, TextRules rules)
    {
        var path = PathOf(parentPath, name);
        var value = Find(obj, name);
        if (value is null)
        {
            if (required) Fail(path, "is required");
            return null;
        }
        return Text(value.Value, path, required, rules);
    }

    /// <summary>Validates a JSON string value as text: trimmed, non-empty when required, within its length, without stray control characters.</summary>
    public string? Text(JsonElement value, string path, bool required, TextRules rules)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(path, $"must be a string, not {Describe(value)}");
            return null;
        }
        if (!TryGetString(value, out var raw))
        {
            // JSON escapes can smuggle in a lone surrogate ("\ud800"), which no UTF-8 feed can carry.
            Fail(path, "must be valid Unicode (it contains a lone surrogate)");
            return null;
        }
        var text = raw.Trim();
        if (text.Length == 0)
        {
            // "" is no value of a formatted field; for free text it means no text, like leaving the field out.
            if (required) Fail(path, "must not be empty");
            else if (rules.Formatted) Fail(path, "must not be empty; leave the field out (or send null) for none");
            return null;
        }
        var codePoints = text.EnumerateRunes().Count();
        if (codePoints > rules.MaxLength)
        {
            Fail(path, $"must be at most {rules.MaxLength} characters, not {codePoints}");
            return null;
        }
        foreach (var c in text)
        {
            var allowed = rules.MultiLine && c is '\r' or '\n' or '\t';
            if (char.IsControl(c) && !allowed)
            {
                Fail(path, rules.MultiLine
                    ? $"must not contain control characters other than CR, LF and TAB (found U+{(int)c:X4})"
                    : $"must be a single line without control characters (found U+{(int)c:X4})");
                return null;
            }
        }
        if (!VisibleText.HasVisibleCharacter(text))
        {
            Fail(path, "has no visible characters (only spaces or invisible ones such as U+200B, U+2060 or U+FEFF)");
            return null;
        }
        return text;
    }

    public double? Number(JsonElement obj, string name, string parentPath, double min, double max)
    {
        var path = PathOf(parentPath, name);
        var value = Find(obj, name);
        if (value is null) return null;
        if (value.Value.ValueKind != JsonValueKind.Number || !value.Value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Fail(path, $"must be a number, not {Describe(value.Value)}");
            return null;
        }
        if (number < min || number > max)
        {
            Fail(path, $"must be between {min} and {max}");
            return null;
        }
        return number;
    }

    public int? Integer(JsonElement obj, string name, string parentPath, int min, int max)
    {
        var path = PathOf(parentPath, name);
        var value = Find(obj, name);
        if (value is null) return null;
        if (value.Value.ValueKind != JsonValueKind.Number)
        {
            Fail(path, $"must be a whole number, not {Describe(value.Value)}");
            return null;
        }
        // JSON does not tell 60 from 60.0: a number with a zero fraction is whole. Beyond decimal's range it is out of range.
        if (!value.Value.TryGetDecimal(out var exact) || exact < min || exact > max)
        {
            Fail(path, $"must be a whole number between {min} and {max}");
            return null;
        }
        if (exact != decimal.Truncate(exact))
        {
            Fail(path, $"must be a whole number, not {value.Value.GetRawText()}");
            return null;
        }
        var number = (int)exact;
        return number;
    }

    /// <summary>Fails when <paramref name="obj"/> has a property not in <paramref name="known"/>: a typo ("itinerery") should not be silently dropped.</summary>
    public void RejectUnknown(JsonElement obj, string parentPath, IReadOnlySet<string> known)
    {
        foreach (var property in obj.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException)
            {
                Fail(PathOf(parentPath, "?"), "a field name is not valid Unicode");
                continue;
            }
            if (!known.Contains(name))
                Fail(PathOf(parentPath, name), $"is not a known field (expected one of: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
        }
    }

    /// <summary>The string value, or false when it is not well-formed UTF-16 (System.Text.Json throws rather than return a lone surrogate).</summary>
    public static bool TryGetString(JsonElement value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
