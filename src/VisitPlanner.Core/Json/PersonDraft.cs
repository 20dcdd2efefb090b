namespace VisitPlanner.Core.Json;

/// <summary>What an organizer sends to create or change a person.</summary>
public sealed record PersonDraft(string Name, string? Title, string? Organization, string? Email, NodaTime.DateTimeZone TimeZone);
