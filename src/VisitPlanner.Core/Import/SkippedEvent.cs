namespace VisitPlanner.Core.Import;

/// <summary>A VEVENT that is not imported, and why; <see cref="Uid"/> is null when it has none. The rest of the file is imported all the same.</summary>
public sealed record SkippedEvent(string? Uid, int Line, string Reason);
