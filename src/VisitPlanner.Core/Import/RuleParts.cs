namespace VisitPlanner.Core.Import;

/// <summary>The parts of a RECUR value (RFC 5545 section 3.3.10), <c>FREQ=WEEKLY;BYDAY=MO</c>, by name in upper case.</summary>
internal static class RuleParts
{
    /// <summary>The parts, or null when one is not NAME=value or a name is given twice (the RFC allows each once).</summary>
    public static IReadOnlyDictionary<string, string>? Parse(string value)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in value.Trim().Split(';'))
        {
            // "FREQ=DAILY;" has an empty last part; exporters write it.
            if (part.Length == 0) continue;
            var equals = part.IndexOf('=');
            if (equals <= 0 || !parts.TryAdd(part[..equals].Trim().ToUpperInvariant(), part[(equals + 1)..].Trim().ToUpperInvariant())) return null;
        }
        return parts;
    }
}
