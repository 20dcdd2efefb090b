using VisitPlanner.Core.Domain;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Keys in the Agendas table. Profile, subscription and locator row keys start with '~', which sorts after every
/// index row key (those start with a digit), so time-range queries over index rows never meet them.
/// </summary>
public static class AgendaRows
{
    public const string Profile = "~profile";
    private const string SubscriptionPrefix = "~sub.";

    public static string PartitionKey(AgendaKey agenda) => (agenda.Kind == AgendaKind.Calendar ? "c." : "p.") + agenda.Id;

    public static AgendaKey AgendaOf(string partitionKey) =>
        partitionKey.StartsWith("c.", StringComparison.Ordinal) ? AgendaKey.Calendar(partitionKey[2..]) : AgendaKey.Person(partitionKey[2..]);

    public static string Subscription(string subscriptionId) => SubscriptionPrefix + subscriptionId;

    /// <summary>The row-key range [start, end) that holds exactly the subscription rows.</summary>
    public static (string Start, string End) SubscriptionRange => (SubscriptionPrefix, "~sub/");

    public static string SubscriptionIdOf(string rowKey) => rowKey[SubscriptionPrefix.Length..];
}
