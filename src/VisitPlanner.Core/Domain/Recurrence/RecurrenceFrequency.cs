namespace VisitPlanner.Core.Domain.Recurrence;

/// <summary>
/// How often a series repeats: RFC 5545's DAILY, WEEKLY and MONTHLY, and <see cref="Workdays"/>, every working day of
/// China's calendar (Monday to Friday, minus statutory days off, plus make-up working days), which no RRULE can say alone.
/// </summary>
public enum RecurrenceFrequency
{
    Daily,
    Weekly,
    Monthly,
    Workdays,
}
