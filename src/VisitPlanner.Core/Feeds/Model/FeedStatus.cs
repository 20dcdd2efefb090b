namespace VisitPlanner.Core.Feeds.Model;

/// <summary>A VEVENT's STATUS.</summary>
public enum FeedStatus
{
    Confirmed,
    Tentative,
    Cancelled,
}
