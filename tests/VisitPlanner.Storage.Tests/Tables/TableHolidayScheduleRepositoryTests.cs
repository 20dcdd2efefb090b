using Azure.Data.Tables;
using NodaTime;
using VisitPlanner.Core.Holidays;
using VisitPlanner.Storage.Tables;

namespace VisitPlanner.Storage.Tests.Tables;

/// <summary>Holiday schedules on Azurite: one row per year, replaced whole, listed by year, and read back as written.</summary>
public class TableHolidayScheduleRepositoryTests(AzuriteTables storage) : IClassFixture<AzuriteTables>
{
    private TableHolidayScheduleRepository Repository => new(storage.Tables);

    private static HolidaySchedule Schedule(int year, string name = "元旦", int days = 3) => new(year,
        ["https://example.org/holiday-cn/" + year],
        Enumerable.Range(0, days).Select(i => new HolidayDay(new LocalDate(year, 1, 1).PlusDays(i), name, true))
            .Append(new HolidayDay(new LocalDate(year, 10, 9), "国庆节", false)).ToArray());

    [Fact]
    public async Task TheFirstPutCreatesAndLaterOnesReplaceTheYearWhole()
    {
        Assert.Null(await Repository.GetAsync(2031, CancellationToken.None));

        Assert.True(await Repository.PutAsync(Schedule(2031), CancellationToken.None));
        Assert.False(await Repository.PutAsync(Schedule(2031, "新年", days: 2), CancellationToken.None));

        var stored = await Repository.GetAsync(2031, CancellationToken.None);
        Assert.Equal(Schedule(2031, "新年", days: 2), stored);
        Assert.Equal([new LocalDate(2031, 1, 1), new LocalDate(2031, 1, 2), new LocalDate(2031, 10, 9)], stored!.Days.Select(d => d.Date));
    }

    [Fact]
    public async Task ListingGivesEveryYearEarliestFirst()
    {
        var own = new TableHolidayScheduleRepository(await FreshTablesAsync());
        Assert.Empty(await own.ListAsync(CancellationToken.None));
        foreach (var year in new[] { 2100, 1999, 2040 }) await own.PutAsync(Schedule(year), CancellationToken.None);

        var listed = await own.ListAsync(CancellationToken.None);

        Assert.Equal([1999, 2040, 2100], listed.Select(s => s.Year));
        Assert.Equal(Schedule(2040), listed[1]);
    }

    [Fact]
    public async Task TheLargestScheduleTheApiAcceptsFits()
    {
        // 366 days of 50-character names and 20 notices of 2,000 characters: more than one 64 KiB property holds.
        var name = new string('节', 50);
        var days = Enumerable.Range(0, 366).Select(i => new HolidayDay(new LocalDate(2029, 12, 15).PlusDays(i), name + i, i % 2 == 0)).ToArray();
        var papers = Enumerable.Range(0, 20).Select(i => $"https://example.org/{i}/" + new string('a', 1980)).ToArray();
        var schedule = new HolidaySchedule(2030, papers, days);

        await Repository.PutAsync(schedule, CancellationToken.None);

        Assert.Equal(schedule, await Repository.GetAsync(2030, CancellationToken.None));
    }

    [Fact]
    public async Task TheRowIsKeyedByYearAndCarriesItsDocument()
    {
        await Repository.PutAsync(Schedule(2032), CancellationToken.None);

        var row = (await storage.Tables.Holidays.GetEntityAsync<TableEntity>("cn", "2032")).Value;

        Assert.Equal(2032, row.GetInt32("Year"));
        Assert.Equal(4, row.GetInt32("Days"));
        Assert.Equal(3, row.GetInt32("OffDays"));
        Assert.Equal(new WorkingCalendar([Schedule(2032)]).Version, row.GetString("Version"));
        Assert.Equal(HolidayScheduleDocument.Schema, row.GetInt32(DocumentColumns.Schema));
        Assert.Contains("\"name\":\"元旦\"", System.Text.Encoding.UTF8.GetString(DocumentColumns.Read(row).Document));
    }

    [Fact]
    public async Task ARowOfANewerSchemaIsNotGuessedAt()
    {
        await Repository.PutAsync(Schedule(2033), CancellationToken.None);
        var row = (await storage.Tables.Holidays.GetEntityAsync<TableEntity>("cn", "2033")).Value;
        row[DocumentColumns.Schema] = 2;
        await storage.Tables.Holidays.UpdateEntityAsync(row, Azure.ETag.All, TableUpdateMode.Replace);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Repository.GetAsync(2033, CancellationToken.None));
        Assert.Contains("cn/2033", error.Message);
    }

    private async Task<VisitPlannerTables> FreshTablesAsync()
    {
        var azurite = await Testing.TestAzurite.GetAsync();
        var options = new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = Testing.TestAzurite.NewTablePrefix() };
        return new VisitPlannerTables(new TableServiceClient(options.ConnectionString), options);
    }
}
