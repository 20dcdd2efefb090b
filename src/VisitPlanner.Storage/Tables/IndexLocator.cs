using Azure.Data.Tables;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// One row per event in each index partition it was ever written to ("~ev.{eventId}"): the key of the event's index row
/// there (empty when it has none) and the revision that wrote it. Every index write reads it and changes it in the same
/// transaction as the row, conditional on its ETag, so an index row never goes back to an older revision and a row whose
/// key moved (a new end time) never stays behind. Kept after its row lapses, so a late, older write still finds it.
/// </summary>
public static class IndexLocator
{
    private const string Prefix = "~ev.";

    public static string RowKey(string eventId) => Prefix + eventId;

    /// <summary>The index row's key: "RowKey" itself is the locator's own.</summary>
    public const string IndexRowKey = "IndexRowKey";

    public const string Revision = "Revision";

    public static TableEntity Entity(string partitionKey, string eventId, string? indexRowKey, int revision) =>
        new(partitionKey, RowKey(eventId)) { [IndexRowKey] = indexRowKey ?? "", [Revision] = revision };

    public static int RevisionOf(TableEntity locator) => locator.GetInt32(Revision) ?? 0;

    /// <summary>Null when the locator says the event has no row in its partition.</summary>
    public static string? IndexRowKeyOf(TableEntity locator) => locator.GetString(IndexRowKey) is { Length: > 0 } key ? key : null;
}
