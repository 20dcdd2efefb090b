namespace VisitPlanner.Core.Import;

/// <summary>
/// The file cannot be read as iCalendar at all (RFC 5545 sections 3.1 and 3.4), so nothing of it is imported: no
/// BEGIN:VCALENDAR, BEGIN and END that do not pair, a line that is no content line, bytes that are not UTF-8.
/// <see cref="Line"/> is the 1-based physical line of the problem, <see cref="Reason"/> what is wrong there; the
/// message joins them. A problem within one VEVENT is not this: that VEVENT alone is skipped.
/// </summary>
public class IcsSyntaxException(int line, string reason) : Exception($"line {line}: {reason}")
{
    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
