using System.Text.Json;
using Azure.Data.Tables;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Storage.Tables;

/// <summary>Reads agendas: the head a poll needs (one query), and index rows by time window.</summary>
public sealed class TableAgendaRepository(VisitPlannerTables tables) : IAgendaRepository
{
    public async Task<AgendaHead?> ReadHeadAsync(AgendaKey agenda, string? subscriptionId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var partition = AgendaRows.PartitionKey(agenda);
        var filter = subscriptionId is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey eq {AgendaRows.Profile}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and (RowKey eq {AgendaRows.Profile} or RowKey eq {AgendaRows.Subscription(subscriptionId)})");
        TableEntity? profile = null;
        Subscription? subscription = null;
        await foreach (var row in tables.Agendas.QueryAsync<TableEntity>(filter, maxPerPage: 2, cancellationToken: cancellationToken))
        {
            if (row.RowKey == AgendaRows.Profile) profile = row;
            else subscription = TableSubscriptionRepository.FromEntity(agenda, row);
        }
        if (profile is null) return null;
        return new AgendaHead(
            agenda.Kind == AgendaKind.Calendar ? TableCalendarRepository.FromEntity(agenda.Id, profile) : null,
            agenda.Kind == AgendaKind.Person ? TablePersonRepository.FromEntity(agenda.Id, profile) : null,
            profile.ETag.ToString(),
            Instant.FromDateTimeOffset(profile.Timestamp ?? DateTimeOffset.UnixEpoch),
            subscription);
    }

    public async Task<EventListingPage> ListAsync(AgendaKey agenda, QueryWindow window, bool includeWithdrawn, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var partition = AgendaRows.PartitionKey(agenda);
        var (from, to) = (window.From, window.To);
        // Index rows are keyed by end time. An event overlapping [from, to) ends after `from`, and, as no event
        // spans more than MaxEventSpan, before to + MaxEventSpan: both bounds are on the key, so the query reads
        // only rows near the window, however long the agenda's history.
        var lower = RowKeys.TimePrefix(from + Duration.FromSeconds(1));
        var upper = RowKeys.TimePrefix(to + Retention.MaxEventSpan + Duration.FromSeconds(1));
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {lower} and RowKey lt {upper} and StartsAt lt {to.ToDateTimeOffset()}");
        if (!includeWithdrawn) filter += " and Withdrawn eq false";
        var pages = tables.Agendas.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken)
            .AsPages(ContinuationTokens.Decode(continuationToken, partition), pageSize);
        await foreach (var page in pages)
        {
            var entries = page.Values
                .Select(row => new AgendaEntry(ParseDocument(row), row.GetDateTimeOffset("WithdrawnAt") is { } withdrawn ? Instant.FromDateTimeOffset(withdrawn) : null))
                .ToArray();
            return new EventListingPage(entries, ContinuationTokens.Encode(page.ContinuationToken));
        }
        return new EventListingPage([], null);
    }

    internal static VisitEvent ParseDocument(TableEntity entity)
    {
        using var json = JsonDocument.Parse(DocumentColumns.Read(entity), JsonOutput.ParseOptions);
        return EventJsonReader.ReadStored(json.RootElement);
    }
}
