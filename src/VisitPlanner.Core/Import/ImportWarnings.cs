namespace VisitPlanner.Core.Import;

/// <summary>How warnings name what they are about, so an organizer can find it in the file.</summary>
internal static class ImportWarnings
{
    /// <summary>"line 23, DESCRIPTION: …".</summary>
    public static string At(ContentLine line, string message) => $"line {line.Line}, {line.Name}: {message}";
}
