using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Storage.Tests.Documents;

namespace VisitPlanner.Storage.Tests.Tables;

/// <summary>Rows written by earlier versions, loaded into Azurite as they were, serve and update as today's do.</summary>
public class StoredSchemaTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly QueryWindow October2025 = new(Instant.FromUtc(2025, 10, 1, 0, 0), Instant.FromUtc(2025, 11, 1, 0, 0));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ListingsAndPersonalAgendasReadRowsOfEverySchema(int schema)
    {
        var storage = new AzuriteTables();
        await storage.InitializeAsync();
        await StoredFixture.LoadAsync(storage.Tables, schema);

        var calendar = await storage.Agendas.ListAsync(AgendaKey.Calendar("shouyang-edz-trips"), October2025, includeWithdrawn: true, null, 100, None);
        var person = await storage.Agendas.ListAsync(AgendaKey.Person("li-weiping"), October2025, includeWithdrawn: true, null, 100, None);

        Assert.Equal("shouyang-aerospace-2025", Assert.Single(calendar.Events).Id);
        var visit = Assert.Single(person.Events);
        Assert.Equal(2, visit.Revision);
        Assert.Equal(5, visit.Itinerary.Count);
    }

    [Fact]
    public async Task AnEventOfSchemaOneIsReplacedWithoutLeavingItsOldRowBehind()
    {
        var storage = new AzuriteTables();
        await storage.InitializeAsync();
        await StoredFixture.LoadAsync(storage.Tables, 1);
        var stored = (await storage.Events.GetAsync("shouyang-aerospace-2025", None))!;
        // A day later: every index row moves to a new key, and the old rows carry no locator.
        var moved = StoredEvents.Shifted(stored.Event, stored.Event.Id, 1) with { Revision = 3, RemovedItems = stored.Event.RemovedItems };

        await storage.Events.ReplaceAsync(stored, moved, None);

        var rows = await storage.Agendas.ListAsync(AgendaKey.Calendar("shouyang-edz-trips"), QueryWindow.All, includeWithdrawn: true, null, 100, None);
        Assert.Equal([3], rows.Events.Where(e => e.Id == "shouyang-aerospace-2025").Select(e => e.Revision));
        var person = await storage.Agendas.ListAsync(AgendaKey.Person("li-weiping"), QueryWindow.All, includeWithdrawn: true, null, 100, None);
        Assert.Equal([3], person.Events.Select(e => e.Revision));
        Assert.Equal(Instant.FromUtc(2025, 10, 16, 0, 30), (await storage.Events.GetAsync(moved.Id, None))!.Event.StartsAt);
    }
}
