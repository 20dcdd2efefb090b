namespace VisitPlanner.Core.Domain;

/// <summary>
/// The iCalendar entry an event was imported from: its UID, and for an override imported on its own (its series was not
/// in the file) its RECURRENCE-ID as written.
/// </summary>
public sealed record ImportSource(string Uid, string? RecurrenceId = null);
