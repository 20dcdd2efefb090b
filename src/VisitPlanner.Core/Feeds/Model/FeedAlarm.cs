namespace VisitPlanner.Core.Feeds.Model;

/// <summary>A display VALARM this many minutes before the start.</summary>
public sealed record FeedAlarm(string Description, int MinutesBefore);
