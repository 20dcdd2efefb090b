using System.Text;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>One generated request: what to send, and enough of a name to find and repeat it.</summary>
internal sealed record HostileCase(
    int Index,
    string Category,
    string Name,
    HttpMethod Method,
    string Path,
    byte[]? Body,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    bool Chunked,
    bool WebServerMayRefuse = false)
{
    /// <summary>GET and HEAD may succeed; anything else succeeding would be a write the generator promised could not happen.</summary>
    public bool IsRead => Method == HttpMethod.Get || Method == HttpMethod.Head;

    public string Describe()
    {
        var path = Path.Length > 200 ? $"{Path[..200]}…({Path.Length} chars)" : Path;
        var headers = string.Join("", Headers.Select(h => $" [{h.Key}: {Short(h.Value, 60)}]"));
        var body = Body is null ? "no body" : $"body {Body.Length} bytes{(Chunked ? " chunked" : "")} ct={ContentType ?? "(none)"} «{Preview(Body, 160)}»";
        return $"#{Index} {Category} / {Name}: {Method} {path}{headers}, {body}";
    }

    private static string Short(string text, int max) => text.Length > max ? text[..max] + "…" : text;

    /// <summary>The first bytes as text, control characters and invalid UTF-8 shown as escapes, so a message is one readable line.</summary>
    public static string Preview(byte[] bytes, int maxChars)
    {
        var text = new StringBuilder();
        var decoder = new UTF8Encoding(false, false);
        var decoded = decoder.GetString(bytes, 0, Math.Min(bytes.Length, maxChars * 4));
        foreach (var c in decoded)
        {
            if (text.Length >= maxChars) return text + "…";
            text.Append(c switch
            {
                '\uFFFD' => "\\uFFFD",
                _ when char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return text.ToString();
    }
}

internal sealed record HostileTargets(string Calendar, string Person, string EventId);
