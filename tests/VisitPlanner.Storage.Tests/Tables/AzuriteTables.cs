using Azure.Data.Tables;
using VisitPlanner.Storage.Tables;
using VisitPlanner.Testing;

namespace VisitPlanner.Storage.Tests.Tables;

/// <summary>Tables of their own, in the test process's real Azurite, for one test class.</summary>
public sealed class AzuriteTables : IAsyncLifetime
{
    public VisitPlannerTables Tables { get; private set; } = null!;

    public TableEventRepository Events { get; private set; } = null!;

    public TableCalendarRepository Calendars { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var azurite = await TestAzurite.GetAsync();
        var options = new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = TestAzurite.NewTablePrefix() };
        Tables = new VisitPlannerTables(new TableServiceClient(options.ConnectionString), options);
        Events = new TableEventRepository(Tables);
        Calendars = new TableCalendarRepository(Tables);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
