namespace VisitPlanner.Core.Import;

/// <summary>A VEVENT that cannot be imported, and why: thrown while it is read, caught for it alone, so the file goes on.</summary>
internal sealed class SkipException(string reason) : Exception(reason)
{
    public string Reason => Message;

    /// <summary>"line 14, DTSTART: 'x' is not a date or a date-time".</summary>
    public static SkipException At(ContentLine line, string message) => new(ImportWarnings.At(line, message));
}
