using System.Globalization;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Series on Table Storage, one partition each: the series row carries the highest number claimed, and each claim adds
/// that number's row and raises it in one entity-group transaction guarded by the series row's ETag, so concurrent
/// posts get distinct, consecutive numbers, and an explicit number is never given twice.
/// </summary>
public sealed class TableSeriesRepository(VisitPlannerTables tables) : ISeriesRepository
{
    private const string SeriesRow = "~series";
    private const string LastNumber = "LastNumber";

    /// <summary>Attempts of one claim against other claims landing first; each lost attempt means another post got a number.</summary>
    public const int ClaimAttempts = 32;

    public async Task<LectureSeries?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var row = await tables.Series.GetEntityIfExistsAsync<TableEntity>(id, SeriesRow, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<bool> UpsertAsync(LectureSeries series, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var entity = new TableEntity(series.Id, SeriesRow)
        {
            ["Name"] = series.Name,
            ["Kind"] = series.Kind.ToWireName(),
            ["Calendars"] = string.Join(",", series.Calendars),
            ["OrganizerName"] = series.Organizer?.Name,
            ["OrganizerOrganization"] = series.Organizer?.Organization,
            ["OrganizerEmail"] = series.Organizer?.Email,
            ["NumberFormat"] = series.NumberFormat,
            ["UpdatedAt"] = series.UpdatedAt.ToDateTimeOffset(),
        };
        for (var attempt = 1; ; attempt++)
        {
            var existing = await tables.Series.GetEntityIfExistsAsync<TableEntity>(series.Id, SeriesRow, cancellationToken: cancellationToken);
            try
            {
                if (!existing.HasValue)
                {
                    await tables.Series.AddEntityAsync(entity, cancellationToken);
                    return true;
                }
                // A replacement (so a field left out is gone) that keeps the highest number claimed, guarded by the ETag
                // against a claim landing in between.
                entity[LastNumber] = existing.Value!.GetInt32(LastNumber);
                await tables.Series.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return false;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < ClaimAttempts)
            {
                // Created or claimed from meanwhile: read it again.
            }
        }
    }

    public async Task<int> ClaimNextAsync(string seriesId, string eventId, CancellationToken cancellationToken)
    {
        // A retried post (same Idempotency-Key, so the same event id) gets the number its first attempt claimed.
        if (await HeldByAsync(seriesId, eventId, cancellationToken) is { } held) return held;
        for (var attempt = 1; ; attempt++)
        {
            var series = await SeriesRowAsync(seriesId, cancellationToken);
            var number = (series.GetInt32(LastNumber) ?? 0) + 1;
            if (await TryClaimAsync(series, number, eventId, cancellationToken) is null) return number;
            if (attempt == ClaimAttempts)
                throw new ConcurrencyConflictException($"Series '{seriesId}' gave out {ClaimAttempts} numbers to other posts while this one waited for one.");
            await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
        }
    }

    public async Task<SeriesSession?> ClaimAsync(string seriesId, int number, string eventId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var series = await SeriesRowAsync(seriesId, cancellationToken);
            var taken = await tables.Series.GetEntityIfExistsAsync<TableEntity>(seriesId, NumberRow(number), cancellationToken: cancellationToken);
            if (taken.HasValue) return taken.Value!.GetString("EventId") == eventId ? null : new SeriesSession(number, taken.Value.GetString("EventId"));
            // Lost to a claim of this number (the next read names its holder) or to any other claim: decide again.
            if (await TryClaimAsync(series, number, eventId, cancellationToken) is null) return null;
            if (attempt == ClaimAttempts)
                throw new ConcurrencyConflictException($"Series '{seriesId}' kept changing while number {number} was claimed.");
        }
    }

    /// <summary>The number <paramref name="eventId"/> already holds in the series, if any (one query of the series' partition).</summary>
    private async Task<int?> HeldByAsync(string seriesId, string eventId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {seriesId} and RowKey ge {"n."} and RowKey lt {"n/"} and EventId eq {eventId}");
        await foreach (var row in tables.Series.QueryAsync<TableEntity>(filter, 1, ["RowKey"], cancellationToken))
            return int.Parse(row.RowKey[2..], CultureInfo.InvariantCulture);
        return null;
    }

    public async Task<IReadOnlyList<SeriesSession>> SessionsAsync(string seriesId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {seriesId} and RowKey ge {"n."} and RowKey lt {"n/"}");
        var sessions = new List<SeriesSession>();
        await foreach (var row in tables.Series.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            sessions.Add(new SeriesSession(int.Parse(row.RowKey[2..], CultureInfo.InvariantCulture), row.GetString("EventId")));
        return sessions;
    }

    /// <summary>
    /// Adds the number's row and raises the series' highest number, if this is higher, in one transaction; null when done,
    /// else what stood in the way: the number's holder (taken), or a session of number 0 when the series row changed first.
    /// </summary>
    private async Task<SeriesSession?> TryClaimAsync(TableEntity series, int number, string eventId, CancellationToken cancellationToken)
    {
        var raised = new TableEntity(series.PartitionKey, SeriesRow) { [LastNumber] = Math.Max(number, series.GetInt32(LastNumber) ?? 0) };
        var claim = new TableEntity(series.PartitionKey, NumberRow(number)) { ["EventId"] = eventId };
        try
        {
            await tables.Series.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.UpdateMerge, raised, series.ETag), new TableTransactionAction(TableTransactionActionType.Add, claim)],
                cancellationToken);
            return null;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return e.FailedTransactionActionIndex == 1 ? new SeriesSession(number, "") : new SeriesSession(0, "");
        }
    }

    private async Task<TableEntity> SeriesRowAsync(string seriesId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var row = await tables.Series.GetEntityIfExistsAsync<TableEntity>(seriesId, SeriesRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value! : throw new InvalidOperationException($"Series '{seriesId}' does not exist.");
    }

    /// <summary>"n.000022": fixed width, so numbers sort as they count.</summary>
    private static string NumberRow(int number) => "n." + number.ToString("D6", CultureInfo.InvariantCulture);

    private static LectureSeries FromEntity(TableEntity entity) => new(
        entity.PartitionKey,
        entity.GetString("Name"),
        EventKindNames.TryParse(entity.GetString("Kind") ?? "", out var kind) ? kind : EventKind.TrainingLecture,
        (entity.GetString("Calendars") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        entity.GetString("OrganizerName") is { } name ? new Organizer(name, entity.GetString("OrganizerOrganization"), entity.GetString("OrganizerEmail")) : null,
        entity.GetString("NumberFormat") ?? LectureSeries.DefaultNumberFormat,
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch));
}
