using Azure.Data.Tables;
using Azure;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Storage.Tables;

/// <summary>Subscriptions: rows "~sub.{id}" in their agenda's partition, next to the profile a poll reads with them.</summary>
public sealed class TableSubscriptionRepository(VisitPlannerTables tables) : ISubscriptionRepository
{
    public async Task CreateAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var entity = new TableEntity(AgendaRows.PartitionKey(subscription.Agenda), AgendaRows.Subscription(subscription.Id))
        {
            ["Label"] = subscription.Label,
            ["CreatedAt"] = subscription.CreatedAt.ToDateTimeOffset(),
            ["ExpiresAt"] = subscription.ExpiresAt?.ToDateTimeOffset(),
            ["SecretHash"] = subscription.SecretHash,
        };
        await tables.Agendas.AddEntityAsync(entity, cancellationToken);
    }

    public async Task<IReadOnlyList<Subscription>> ListAsync(AgendaKey agenda, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var (start, end) = AgendaRows.SubscriptionRange;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AgendaRows.PartitionKey(agenda)} and RowKey ge {start} and RowKey lt {end}");
        var subscriptions = new List<Subscription>();
        await foreach (var row in tables.Agendas.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            subscriptions.Add(FromEntity(agenda, row));
        }
        return subscriptions.OrderBy(s => s.CreatedAt).ToArray();
    }

    public async Task<bool> DeleteAsync(AgendaKey agenda, string subscriptionId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        // The SDK treats deleting a missing entity as success; its status still says whether anything was there.
        var response = await tables.Agendas.DeleteEntityAsync(AgendaRows.PartitionKey(agenda), AgendaRows.Subscription(subscriptionId), ETag.All, cancellationToken);
        return response.Status != 404;
    }

    public async Task RecordFetchAsync(AgendaKey agenda, string subscriptionId, Instant fetchedAt, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(AgendaRows.PartitionKey(agenda), AgendaRows.Subscription(subscriptionId)) { ["LastFetchedAt"] = fetchedAt.ToDateTimeOffset() };
        try
        {
            await tables.Agendas.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Revoked meanwhile: nothing to record.
        }
    }

    internal static Subscription FromEntity(AgendaKey agenda, TableEntity row) => new(
        AgendaRows.SubscriptionIdOf(row.RowKey),
        agenda,
        row.GetString("Label"),
        Instant.FromDateTimeOffset(row.GetDateTimeOffset("CreatedAt")!.Value),
        row.GetDateTimeOffset("ExpiresAt") is { } expires ? Instant.FromDateTimeOffset(expires) : null,
        row.GetDateTimeOffset("LastFetchedAt") is { } fetched ? Instant.FromDateTimeOffset(fetched) : null,
        row.GetBinary("SecretHash"));
}
