using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>A JSON document under construction: structured edits, plus raw JSON text at any path (numbers JSON cannot hold, lone surrogates, duplicates).</summary>
internal sealed class Doc(JsonNode root)
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Escaped = new();
    private readonly List<(string Marker, string Raw)> _raws = [];

    public JsonNode? Get(string path)
    {
        JsonNode? node = root;
        foreach (var segment in Segments(path))
        {
            node = segment is int index
                ? node is JsonArray array && index < array.Count ? array[index] : null
                : node is JsonObject obj && obj.TryGetPropertyValue((string)segment, out var child) ? child : null;
            if (node is null) return null;
        }
        return node;
    }

    public Doc Set(string path, JsonNode? value)
    {
        var segments = Segments(path);
        var parent = Parent(segments);
        if (segments[^1] is int index) parent.AsArray()[index] = value;
        else parent.AsObject()[(string)segments[^1]] = value;
        return this;
    }

    public Doc Raw(string path, string json)
    {
        var marker = $"@@raw{_raws.Count}@@";
        _raws.Add((marker, json));
        return Set(path, JsonValue.Create(marker));
    }

    public Doc Remove(string path)
    {
        var segments = Segments(path);
        var parent = Parent(segments);
        if (segments[^1] is int index) parent.AsArray().RemoveAt(index);
        else parent.AsObject().Remove((string)segments[^1]);
        return this;
    }

    public string Text(bool relaxed = true)
    {
        var text = root.ToJsonString(relaxed ? Relaxed : Escaped);
        foreach (var (marker, raw) in _raws) text = text.Replace($"\"{marker}\"", raw);
        return text;
    }

    public byte[] Bytes(bool relaxed = true) => Encoding.UTF8.GetBytes(Text(relaxed));

    private JsonNode Parent(List<object> segments)
    {
        var node = root;
        foreach (var segment in segments.Take(segments.Count - 1))
            node = (segment is int index ? node[index] : node[(string)segment]) ?? throw new InvalidOperationException($"No parent at {segment}");
        return node;
    }

    private static List<object> Segments(string path)
    {
        var result = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[');
            if (bracket < 0)
            {
                result.Add(part);
                continue;
            }
            if (bracket > 0) result.Add(part[..bracket]);
            foreach (Match match in Regex.Matches(part[bracket..], @"\[(\d+)\]")) result.Add(int.Parse(match.Groups[1].Value));
        }
        return result;
    }
}
