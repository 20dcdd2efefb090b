using Azure;
using Azure.Data.Tables;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Scheduling;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Storage.Tables;

/// <summary>Calendars, one entity each: PartitionKey = id, RowKey = "calendar".</summary>
public sealed class TableCalendarRepository(VisitPlannerTables tables) : ICalendarRepository
{
    private const string RowKey = "calendar";

    public async Task<VisitCalendar?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var response = await tables.Calendars.GetEntityIfExistsAsync<TableEntity>(id, RowKey, cancellationToken: cancellationToken);
        if (!response.HasValue) return null;
        var entity = response.Value!;
        return new VisitCalendar(
            id,
            entity.GetString("Name"),
            entity.GetString("Description"),
            TimeZones.Find(entity.GetString("TimeZone")) ?? TimeZones.Default,
            Instant.FromDateTimeOffset(entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch));
    }

    public async Task<bool> UpsertAsync(VisitCalendar calendar, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var entity = new TableEntity(calendar.Id, RowKey)
        {
            ["Name"] = calendar.Name,
            ["Description"] = calendar.Description,
            ["TimeZone"] = calendar.TimeZone.Id,
            ["UpdatedAt"] = calendar.UpdatedAt.ToDateTimeOffset(),
        };
        try
        {
            await tables.Calendars.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            await tables.Calendars.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace, cancellationToken);
            return false;
        }
    }
}
