namespace VisitPlanner.Core.Feeds;

/// <summary>
/// UIDs of feed entries. They depend only on ids that never change, so an edited or cancelled item
/// updates the entry clients already have instead of adding a second one.
/// </summary>
public static class FeedUid
{
    public const string Domain = "visitplanner";

    public static string ForItem(string eventId, string itemId) => $"{eventId}-{itemId}@{Domain}";

    /// <summary>The all-day banner of a multi-day event. "~" cannot occur in item ids, so it never collides with an item.</summary>
    public static string ForBanner(string eventId) => $"{eventId}-~trip@{Domain}";
}
