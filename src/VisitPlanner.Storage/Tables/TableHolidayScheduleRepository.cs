using System.Globalization;
using Azure.Data.Tables;
using VisitPlanner.Core.Holidays;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Holiday schedules in the <c>Holidays</c> table: PartitionKey "cn" (China's; another region's calendar would be a
/// partition of its own), RowKey the year, four digits, so the rows sort by year and the whole calendar is one
/// partition query. The schedule is one document (<see cref="HolidayScheduleDocument"/>) in <see cref="DocumentColumns"/>:
/// at most 366 days of names up to 50 characters and 20 notices can outgrow one 64 KiB property.
/// </summary>
public sealed class TableHolidayScheduleRepository(VisitPlannerTables tables) : IHolidayScheduleRepository
{
    public const string China = "cn";

    public async Task<HolidaySchedule?> GetAsync(int year, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var row = await tables.Holidays.GetEntityIfExistsAsync<TableEntity>(China, RowKey(year), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<bool> PutAsync(HolidaySchedule schedule, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var entity = new TableEntity(China, RowKey(schedule.Year))
        {
            // For people browsing the table; the document is the truth.
            ["Year"] = schedule.Year,
            ["Days"] = schedule.Days.Count,
            ["OffDays"] = schedule.Days.Count(d => d.IsOffDay),
            ["Version"] = new WorkingCalendar([schedule]).Version,
        };
        DocumentColumns.Write(entity, HolidayScheduleDocument.Write(schedule), HolidayScheduleDocument.Schema);
        return await ProfileRows.AddOrReplaceAsync(tables.Holidays, entity, cancellationToken);
    }

    public async Task<IReadOnlyList<HolidaySchedule>> ListAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var schedules = new List<HolidaySchedule>();
        await foreach (var row in tables.Holidays.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {China}"), cancellationToken: cancellationToken))
            schedules.Add(FromEntity(row));
        return schedules;
    }

    private static string RowKey(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static HolidaySchedule FromEntity(TableEntity entity)
    {
        try
        {
            var (document, schema) = DocumentColumns.Read(entity);
            return HolidayScheduleDocument.Read(document, schema);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Holiday schedule {entity.PartitionKey}/{entity.RowKey}: {e.Message}", e);
        }
    }
}
