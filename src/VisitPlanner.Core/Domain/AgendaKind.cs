namespace VisitPlanner.Core.Domain;

/// <summary>Whose list of events a feed shows: a calendar's, or a person's across all calendars.</summary>
public enum AgendaKind
{
    Calendar,
    Person,
}
