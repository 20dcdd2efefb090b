namespace VisitPlanner.Core.Feeds.Model;

/// <summary>An ORGANIZER or ATTENDEE: its calendar address (mailto:…), CN, and for attendees the ROLE.</summary>
public sealed record FeedAttendee(string Address, string Name, string? Role = null);
