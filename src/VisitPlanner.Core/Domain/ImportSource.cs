namespace VisitPlanner.Core.Domain;

/// <summary>
/// The iCalendar entry an event was imported from: its UID, and for an override imported on its own (its series was not
/// in the file) its RECURRENCE-ID as written. <see cref="ContentHash"/> is a hash of what the entry said when last
/// imported: an import of the same entry again changes nothing, so edits made here since are kept until the source
/// itself changes (then the source wins).
/// </summary>
public sealed record ImportSource(string Uid, string? RecurrenceId = null, string? ContentHash = null);
