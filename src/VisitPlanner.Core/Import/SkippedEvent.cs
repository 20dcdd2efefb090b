namespace VisitPlanner.Core.Import;

/// <summary>
/// A VEVENT that is not imported, and why; <see cref="Uid"/> is null when it has none. The rest of the file is imported
/// all the same. <see cref="CancelledInSource"/>: a series or event the source cancelled, which an earlier import may
/// have brought in, and which is then cancelled here too.
/// </summary>
public sealed record SkippedEvent(string? Uid, int Line, string Reason, bool CancelledInSource = false);
