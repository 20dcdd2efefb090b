namespace VisitPlanner.Core.Feeds.Model;

/// <summary>A CONFERENCE property (RFC 7986 section 5.11): where to join online, with a label clients show on the button.</summary>
public sealed record FeedConference(string Uri, string Label);
