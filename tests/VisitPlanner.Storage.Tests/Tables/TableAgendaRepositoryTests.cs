using System.Text.Json.Nodes;
using Azure.Data.Tables;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Storage.Tables;
using VisitPlanner.Testing;

namespace VisitPlanner.Storage.Tests.Tables;

public class TableAgendaRepositoryTests(AzuriteTables storage) : IClassFixture<AzuriteTables>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Instant From = Instant.FromUtc(2000, 1, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2100, 1, 1, 0, 0);

    private static Subscription NewSubscription(AgendaKey agenda, SubscriptionToken token) =>
        new(token.SubscriptionId, agenda, "phone", StoredEvents.Now, null, null, token.SecretHash());

    [Fact]
    public async Task AHeadAndItsSubscriptionComeInOneRequest()
    {
        var calendar = AgendaKey.Calendar(await storage.NewCalendarAsync());
        var token = SubscriptionToken.New();
        await storage.Subscriptions.CreateAsync(NewSubscription(calendar, token), None);
        var counter = new StorageRequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerRetry);
        var countedTables = new VisitPlannerTables(new TableServiceClient((await TestAzurite.GetAsync()).ConnectionString, options), storage.Options);
        var counted = new TableAgendaRepository(countedTables, new EventReader(countedTables, storage.Logs.For<EventReader>()), storage.Logs.For<TableAgendaRepository>());
        await counted.ReadHeadAsync(calendar, null, None); // creates-if-missing the tables once per process

        var before = counter.Total;
        var head = await counted.ReadHeadAsync(calendar, token.SubscriptionId, None);

        Assert.Equal(1, counter.Total - before);
        Assert.Equal(calendar.Id, head!.Calendar!.Id);
        Assert.True(token.Opens(head.Subscription!));
    }

    [Fact]
    public async Task TheVersionChangesExactlyWhenTheAgendasContentDoes()
    {
        var (mine, other) = (await storage.NewCalendarAsync(), await storage.NewCalendarAsync());
        var version = async () => (await storage.Agendas.ReadHeadAsync(AgendaKey.Calendar(mine), null, None))!.Version;
        var initial = await version();

        await storage.Events.CreateAsync(StoredEvents.Shouyang("e" + Guid.NewGuid().ToString("N"), other), None);
        var afterOtherCalendar = await version();
        await storage.Events.CreateAsync(StoredEvents.Shouyang("e" + Guid.NewGuid().ToString("N"), mine), None);
        var afterMine = await version();

        Assert.Equal(initial, afterOtherCalendar);
        Assert.NotEqual(initial, afterMine);
    }

    [Fact]
    public async Task AnEventThatLeavesACalendarIsKeptThereAsWithdrawn()
    {
        var (kept, left) = (await storage.NewCalendarAsync(), await storage.NewCalendarAsync());
        var visit = StoredEvents.Shouyang("e" + Guid.NewGuid().ToString("N"), kept, left);
        await storage.Events.CreateAsync(visit, None);

        var stored = (await storage.Events.GetAsync(visit.Id, None))!;
        await storage.Events.ReplaceAsync(stored, visit with { Calendars = [kept], Revision = 2 }, None);

        var listing = await storage.Agendas.ListAsync(AgendaKey.Calendar(left), new QueryWindow(From, To), includeWithdrawn: false, null, 100, None);
        var feed = await storage.Agendas.ListAsync(AgendaKey.Calendar(left), new QueryWindow(From, To), includeWithdrawn: true, null, 100, None);
        Assert.Empty(listing.Entries);
        var withdrawn = Assert.Single(feed.Entries);
        Assert.NotNull(withdrawn.WithdrawnAt);
        Assert.Equal(2, withdrawn.Event.Revision);
    }

    [Fact]
    public async Task PeopleHaveAgendasOfTheirOwn()
    {
        var person = "p" + Guid.NewGuid().ToString("N");
        await storage.People.UpsertAsync(new Person(person, "李卫平", null, null, null, VisitPlanner.Core.Time.TimeZones.Default, StoredEvents.Now), None);
        var visit = StoredEvents.Shouyang("e" + Guid.NewGuid().ToString("N"), n => n["participants"]![0]!["personId"] = person, await storage.NewCalendarAsync());

        await storage.Events.CreateAsync(visit, None);

        var head = await storage.Agendas.ReadHeadAsync(AgendaKey.Person(person), null, None);
        Assert.Equal("李卫平", head!.Person!.Name);
        Assert.Equal(visit.Id, Assert.Single((await storage.Agendas.ListAsync(AgendaKey.Person(person), new QueryWindow(From, To), false, null, 100, None)).Entries).Event.Id);
    }

    [Fact]
    public async Task SubscriptionsAreListedAndRevoked()
    {
        var calendar = AgendaKey.Calendar(await storage.NewCalendarAsync());
        var (first, second) = (SubscriptionToken.New(), SubscriptionToken.New());
        await storage.Subscriptions.CreateAsync(NewSubscription(calendar, first), None);
        await storage.Subscriptions.CreateAsync(NewSubscription(calendar, second), None);
        await storage.Subscriptions.RecordFetchAsync(calendar, first.SubscriptionId, StoredEvents.Now + Duration.FromHours(1), None);

        var listed = await storage.Subscriptions.ListAsync(calendar, None);
        Assert.Equal(2, listed.Count);
        Assert.Equal(StoredEvents.Now + Duration.FromHours(1), listed.Single(s => s.Id == first.SubscriptionId).LastFetchedAt);

        Assert.True(await storage.Subscriptions.DeleteAsync(calendar, first.SubscriptionId, None));
        Assert.False(await storage.Subscriptions.DeleteAsync(calendar, first.SubscriptionId, None));
        Assert.Null((await storage.Agendas.ReadHeadAsync(calendar, first.SubscriptionId, None))!.Subscription);
        Assert.Equal([second.SubscriptionId], (await storage.Subscriptions.ListAsync(calendar, None)).Select(s => s.Id));
    }

    [Fact]
    public async Task AgendaRowsOfSubscriptionsAndProfilesNeverShowUpAsEvents()
    {
        var calendar = AgendaKey.Calendar(await storage.NewCalendarAsync());
        await storage.Subscriptions.CreateAsync(NewSubscription(calendar, SubscriptionToken.New()), None);

        Assert.Empty((await storage.Agendas.ListAsync(calendar, new QueryWindow(From, To), true, null, 100, None)).Entries);
    }

    [Fact]
    public async Task AnEventOfNoLengthIsInAWindowFromItsInstantAndOneEndingAtTheStartIsNot()
    {
        var calendar = await storage.NewCalendarAsync();
        JsonNode Stop(string start, string end) => JsonNode.Parse($$"""{"id":"s","title":"出发 Departure","start":"{{start}}","end":"{{end}}"}""")!;
        var departure = StoredEvents.Shouyang("e" + Guid.NewGuid().ToString("N"), n => n["itinerary"] = new JsonArray(Stop("2026-12-29T08:00", "2026-12-29T08:00")), calendar);
        var briefing = StoredEvents.Shouyang("e" + Guid.NewGuid().ToString("N"), n => n["itinerary"] = new JsonArray(Stop("2026-12-29T07:00", "2026-12-29T08:00")), calendar);
        await storage.Events.CreateAsync(departure, None);
        await storage.Events.CreateAsync(briefing, None);
        var at = departure.StartsAt;

        async Task<string[]> Listed(Instant from, Instant to) =>
            (await storage.Agendas.ListAsync(AgendaKey.Calendar(calendar), new QueryWindow(from, to), false, null, 100, None)).Entries.Select(e => e.Event.Id).ToArray();

        Assert.Equal([departure.Id], await Listed(at, at + Duration.FromHours(1)));
        Assert.Equal([briefing.Id], await Listed(at - Duration.FromHours(1), at));
        Assert.Empty(await Listed(at + Duration.FromSeconds(1), at + Duration.FromHours(1)));
        Assert.Equal(2, (await Listed(at - Duration.FromHours(1), at + Duration.FromHours(1))).Length);
    }
}
