using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Storage.Tables;

/// <summary>Reads agendas: the head a poll needs (one query), and index rows by time window.</summary>
public sealed class TableAgendaRepository(VisitPlannerTables tables, EventReader events, ILogger<TableAgendaRepository> logger) : IAgendaRepository
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
        // Index rows are keyed by end time. An event overlapping the window ends after its start, and, as no event spans
        // more than MaxEventSpan, before its end + MaxEventSpan: both bounds are on the key, so the query reads only rows
        // near the window, however long the agenda's history. An event of no length (a deadline, a departure) is in a
        // window from its very instant: it ends at the window's start, yet does not start before it.
        var endsAtStart = RowKeys.TimePrefix(window.From);
        var endsAfterStart = RowKeys.TimePrefix(window.From + Duration.FromSeconds(1));
        var upper = RowKeys.TimePrefix(window.To + Retention.MaxEventSpan + Duration.FromSeconds(1));
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {endsAtStart} and RowKey lt {upper} and StartsAt lt {window.To.ToDateTimeOffset()} and (RowKey ge {endsAfterStart} or StartsAt ge {window.From.ToDateTimeOffset()})");
        if (!includeWithdrawn) filter += " and Withdrawn eq false";
        var token = ContinuationTokens.Decode(continuationToken, partition);
        // Series have a key range of their own (RowKeys.SeriesPrefix) and come first, on the first page only.
        var series = token is null ? await SeriesRowsAsync(partition, window, includeWithdrawn, cancellationToken) : [];
        var pages = tables.Agendas.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(token, pageSize);
        await foreach (var page in pages)
        {
            return new EventListingPage(await EntriesAsync([.. series, .. page.Values], cancellationToken), ContinuationTokens.Encode(page.ContinuationToken));
        }
        return new EventListingPage(await EntriesAsync(series, cancellationToken), null);
    }

    /// <summary>
    /// The rows of series that end at or after the window starts and start before it ends: every page of them, as an
    /// agenda has few series beside its single events (each may span five years, so no narrower key range finds them).
    /// </summary>
    private async Task<IReadOnlyList<TableEntity>> SeriesRowsAsync(string partition, QueryWindow window, bool includeWithdrawn, CancellationToken cancellationToken)
    {
        var from = RowKeys.SeriesPrefix + RowKeys.TimePrefix(window.From);
        var end = ((char)(RowKeys.SeriesPrefix[0] + 1)).ToString();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {end} and StartsAt lt {window.To.ToDateTimeOffset()}");
        if (!includeWithdrawn) filter += " and Withdrawn eq false";
        var rows = new List<TableEntity>();
        await foreach (var row in tables.Agendas.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) rows.Add(row);
        return rows;
    }

    /// <summary>Rows that carry their event (calendars) as they are; rows that only name it (people) with the event read from the Events table.</summary>
    private async Task<IReadOnlyList<AgendaEntry>> EntriesAsync(IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        var named = rows.Where(r => !EventIndexRows.CarriesDocument(r)).Select(r => (r.GetString("EventId"), r.GetInt32("Revision") ?? 0)).ToArray();
        var read = named.Length == 0 ? new Dictionary<string, VisitEvent>() : await events.ReadAsync(named, cancellationToken);
        var entries = new List<AgendaEntry>(rows.Count);
        foreach (var row in rows)
        {
            var withdrawnAt = row.GetDateTimeOffset("WithdrawnAt") is { } withdrawn ? Instant.FromDateTimeOffset(withdrawn) : (Instant?)null;
            if (EventIndexRows.CarriesDocument(row))
            {
                if (ReadCarried(row) is { } carried) entries.Add(new AgendaEntry(carried, withdrawnAt));
            }
            else if (read.TryGetValue(row.GetString("EventId"), out var visit)) entries.Add(new AgendaEntry(visit, withdrawnAt));
        }
        return entries;
    }

    /// <summary>
    /// A row's own copy of its event, from memory when this instance read that revision before; null, with an error
    /// logged, when it cannot be read (see <see cref="EventReader"/>).
    /// </summary>
    private VisitEvent? ReadCarried(TableEntity row)
    {
        if (row.GetString("EventId") is { } id && row.GetInt32("Revision") is { } revision && events.Known(id, revision) is { } known) return known;
        try
        {
            var read = DocumentColumns.ReadEvent(row);
            events.Remember(read.Event.Id, read);
            return read.Event;
        }
        catch (UnreadableEventException e)
        {
            logger.LogError(e, "Event {EventId} is left out of {Agenda}: its stored document cannot be read", e.EventId, AgendaRows.AgendaOf(row.PartitionKey));
            return null;
        }
    }
}
