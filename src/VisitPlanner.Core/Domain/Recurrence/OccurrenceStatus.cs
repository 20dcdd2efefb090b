namespace VisitPlanner.Core.Domain.Recurrence;

/// <summary>Whether an occurrence takes place: as planned (or moved), cancelled by the organizer, or skipped for a holiday.</summary>
public enum OccurrenceStatus
{
    Scheduled,
    Cancelled,
    Skipped,
}
