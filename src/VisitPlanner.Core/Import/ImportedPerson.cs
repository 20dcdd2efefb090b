namespace VisitPlanner.Core.Import;

/// <summary>An ORGANIZER or ATTENDEE as the API takes a person: a name, and an email address where the file gives a valid one.</summary>
internal sealed record ImportedPerson(string Name, string? Email);
