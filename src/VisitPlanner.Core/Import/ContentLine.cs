namespace VisitPlanner.Core.Import;

/// <summary>
/// One unfolded content line (RFC 5545 section 3.1), <c>NAME;PARAM=value:value</c>: the name in upper case (names are
/// case-insensitive), the parameters, and the value exactly as written, since only the property knows whether it is TEXT
/// to unescape (<see cref="IcsText"/>). <see cref="Line"/> is the 1-based physical line it starts on, for messages.
/// </summary>
public sealed record ContentLine(int Line, string Name, IReadOnlyList<ContentParameter> Parameters, string Value)
{
    /// <summary>The parameter's first value, or null when the line has no such parameter.</summary>
    public string? Parameter(string name)
    {
        foreach (var parameter in Parameters)
        {
            if (parameter.Name == name) return parameter.Values.Count > 0 ? parameter.Values[0] : "";
        }
        return null;
    }
}
