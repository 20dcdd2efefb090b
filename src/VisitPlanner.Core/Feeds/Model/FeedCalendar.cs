namespace VisitPlanner.Core.Feeds.Model;

/// <summary>What a feed says of itself: its name and description, its zone, and how often clients should refresh it.</summary>
public sealed record FeedCalendar(string Name, string? Description, string TimeZoneId, int RefreshMinutes);
