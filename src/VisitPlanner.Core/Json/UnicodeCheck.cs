using System.Text.Json;

namespace VisitPlanner.Core.Json;

/// <summary>
/// JSON escapes can carry lone surrogates ("\ud800") in values and in property names. System.Text.Json parses
/// them but throws when such text is read or compared, so a body is checked once, whole, before anything reads it.
/// </summary>
public static class UnicodeCheck
{
    /// <summary>The path of the first property name or string that is not well-formed UTF-16, or null.</summary>
    public static string? FirstInvalid(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return JsonFieldReader.TryGetString(element, out _) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return $"{path}.?";
                    }
                    if (FirstInvalid(property.Value, path == "$" ? name : $"{path}.{name}") is { } inner) return inner;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstInvalid(item, $"{path}[{index++}]") is { } inner) return inner;
                }
                return null;
            default:
                return null;
        }
    }
}
