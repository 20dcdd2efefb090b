using Azure.Data.Tables;
using VisitPlanner.Storage.Tables;
using VisitPlanner.Testing;

namespace VisitPlanner.Storage.Tests.Tables;

/// <summary>Tables of their own, in the test process's real Azurite, for one test class.</summary>
public sealed class AzuriteTables : IAsyncLifetime
{
    public VisitPlannerTables Tables { get; private set; } = null!;

    public StorageOptions Options { get; private set; } = null!;

    public TableEventRepository Events { get; private set; } = null!;

    public TableCalendarRepository Calendars { get; private set; } = null!;

    public TableAgendaRepository Agendas { get; private set; } = null!;

    public TablePersonRepository People { get; private set; } = null!;

    public TableSubscriptionRepository Subscriptions { get; private set; } = null!;

    /// <summary>A new calendar, as events may only be published to calendars that exist.</summary>
    public async Task<string> NewCalendarAsync()
    {
        var id = "c" + Guid.NewGuid().ToString("N");
        await Calendars.UpsertAsync(StoredEvents.Calendar(id), CancellationToken.None);
        return id;
    }

    public NodaTime.IClock Clock { get; } = NodaTime.SystemClock.Instance;

    /// <summary>What the repositories logged.</summary>
    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        var azurite = await TestAzurite.GetAsync();
        var options = Options = new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = TestAzurite.NewTablePrefix() };
        Tables = new VisitPlannerTables(new TableServiceClient(options.ConnectionString), options);
        Events = new TableEventRepository(Tables, new IndexWriter(Clock), Clock);
        Calendars = new TableCalendarRepository(Tables);
        Agendas = new TableAgendaRepository(Tables, new EventReader(Tables, Logs.For<EventReader>()), Logs.For<TableAgendaRepository>());
        People = new TablePersonRepository(Tables);
        Subscriptions = new TableSubscriptionRepository(Tables);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
