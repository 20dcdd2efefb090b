namespace VisitPlanner.Core.Feeds;

/// <summary>
/// UIDs of feed entries. They depend only on ids that never change, so an edited or cancelled item
/// updates the entry clients already have instead of adding a second one.
/// </summary>
public static class FeedUid
{
    public const string Domain = "visitplanner";

    public static string ForItem(string eventId, string itemId) => $"{eventId}-{itemId}@{Domain}";
}
