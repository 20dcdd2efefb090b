using Azure.Data.Tables;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Storage.Tables;

namespace VisitPlanner.Storage.Tests.Tables;

public class TableEventRepositoryTests(AzuriteTables storage) : IClassFixture<AzuriteTables>
{
    private static readonly Instant From = Instant.FromUtc(1900, 1, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2300, 1, 1, 0, 0);
    private static readonly CancellationToken None = CancellationToken.None;

    private static string NewId() => "e" + Guid.NewGuid().ToString("N");
    private async Task<IReadOnlyList<VisitEvent>> AllInCalendarAsync(string calendarId)
    {
        var page = await storage.Agendas.ListAsync(AgendaKey.Calendar(calendarId), new QueryWindow(From, To), includeWithdrawn: false, null, 1000, None);
        return page.Events.ToArray();
    }

    private Task<IReadOnlyList<TableEntity>> CalendarRowsAsync(string calendarId) =>
        IndexRowsAsync(AgendaRows.PartitionKey(AgendaKey.Calendar(calendarId)));

    /// <summary>Index rows only: the profile and subscription rows share the partition.</summary>
    private async Task<IReadOnlyList<TableEntity>> IndexRowsAsync(string partition) =>
        (await RowsAsync(storage.Tables.Agendas, partition)).Where(r => !r.RowKey.StartsWith('~')).ToArray();

    private async Task<IReadOnlyList<TableEntity>> RowsAsync(TableClient table, string partition) =>
        await table.QueryAsync<TableEntity>(e => e.PartitionKey == partition).ToListAsync();

    [Fact]
    public async Task AnEventReadsBackExactlyAsWritten()
    {
        var calendar = await storage.NewCalendarAsync();
        var visit = StoredEvents.Shouyang(NewId(), calendar);

        await storage.Events.CreateAsync(visit, None);
        var stored = await storage.Events.GetAsync(visit.Id, None);

        Assert.NotNull(stored);
        Assert.Equal(EventJsonWriter.ToUtf8(visit), EventJsonWriter.ToUtf8(stored.Event));
        Assert.False(string.IsNullOrEmpty(stored.ConcurrencyToken));
    }

    [Fact]
    public async Task AnEventIsOneEntityInItsOwnPartition()
    {
        var visit = StoredEvents.Shouyang(NewId(), await storage.NewCalendarAsync());

        await storage.Events.CreateAsync(visit, None);

        var row = Assert.Single(await RowsAsync(storage.Tables.Events, visit.Id));
        Assert.Equal("event", row.RowKey);
        Assert.Equal(visit.Revision, row.GetInt32("Revision"));
    }

    [Fact]
    public async Task ADocumentLargerThanOneBinaryPropertyIsSplitAndJoined()
    {
        // About 240 KiB of JSON (40 stops with 2,000-character notes): more than three 64 KiB properties.
        var notes = string.Concat(Enumerable.Repeat("航天宏图北京分公司专题座谈会。", 134));
        var visit = StoredEvents.Shouyang(NewId(), n =>
        {
            var stops = new System.Text.Json.Nodes.JsonArray();
            for (var i = 0; i < 40; i++)
            {
                stops.Add(new System.Text.Json.Nodes.JsonObject
                {
                    ["id"] = $"stop{i}", ["title"] = $"Stop {i}", ["start"] = "2025-10-15T08:00", ["end"] = "2025-10-15T09:00", ["notes"] = notes,
                });
            }
            n["itinerary"] = stops;
        }, await storage.NewCalendarAsync());

        await storage.Events.CreateAsync(visit, None);
        var stored = await storage.Events.GetAsync(visit.Id, None);

        var entity = Assert.Single(await RowsAsync(storage.Tables.Events, visit.Id));
        Assert.True(entity.GetInt32("DocChunks") >= 4);
        Assert.Equal(EventJsonWriter.ToUtf8(visit), EventJsonWriter.ToUtf8(stored!.Event));
    }

    [Fact]
    public async Task EachCalendarsIndexHoldsTheEvent()
    {
        var (first, second) = (await storage.NewCalendarAsync(), await storage.NewCalendarAsync());
        var visit = StoredEvents.Shouyang(NewId(), first, second);

        await storage.Events.CreateAsync(visit, None);

        Assert.Equal(visit.Id, Assert.Single(await AllInCalendarAsync(first)).Id);
        Assert.Equal(visit.Id, Assert.Single(await AllInCalendarAsync(second)).Id);
    }

    [Fact]
    public async Task AReplacementMovesTheIndexRowsWithTheEvent()
    {
        var (kept, dropped, added) = (await storage.NewCalendarAsync(), await storage.NewCalendarAsync(), await storage.NewCalendarAsync());
        var visit = StoredEvents.Shouyang(NewId(), kept, dropped);
        await storage.Events.CreateAsync(visit, None);
        var stored = (await storage.Events.GetAsync(visit.Id, None))!;

        // Moved a week later (so the index row key changes) and published to other calendars.
        var next = StoredEvents.Shifted(visit, visit.Id, 7) with { Calendars = [kept, added], Revision = 2 };
        await storage.Events.ReplaceAsync(stored, next, None);

        Assert.Equal(2, Assert.Single(await AllInCalendarAsync(kept)).Revision);
        Assert.Single(await CalendarRowsAsync(kept));
        Assert.Empty(await AllInCalendarAsync(dropped));
        Assert.Equal(2, Assert.Single(await AllInCalendarAsync(added)).Revision);
    }

    [Fact]
    public async Task AReplacementFromAStaleReadIsRefused()
    {
        var calendar = await storage.NewCalendarAsync();
        var visit = StoredEvents.Shouyang(NewId(), calendar);
        await storage.Events.CreateAsync(visit, None);
        var stale = (await storage.Events.GetAsync(visit.Id, None))!;
        await storage.Events.ReplaceAsync(stale, visit with { Title = "first", Revision = 2 }, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => storage.Events.ReplaceAsync(stale, visit with { Title = "second", Revision = 2 }, None));

        Assert.Equal("first", (await storage.Events.GetAsync(visit.Id, None))!.Event.Title);
        Assert.Equal("first", Assert.Single(await AllInCalendarAsync(calendar)).Title);
    }

    [Fact]
    public async Task ListingSelectsEventsOverlappingTheWindow()
    {
        var calendar = await storage.NewCalendarAsync();
        var seed = StoredEvents.Shouyang(NewId(), calendar);
        // Runs 2025-10-15 00:30Z to 2025-10-16 03:30Z; copies a week before and after.
        foreach (var (id, days) in new[] { ("before", -7), ("during", 0), ("after", 7) })
        {
            await storage.Events.CreateAsync(StoredEvents.Shifted(seed, calendar + id, days), None);
        }

        var page = await storage.Agendas.ListAsync(AgendaKey.Calendar(calendar), new QueryWindow(Instant.FromUtc(2025, 10, 16, 0, 0), Instant.FromUtc(2025, 10, 17, 0, 0)), false, null, 50, None);
        var touching = await storage.Agendas.ListAsync(AgendaKey.Calendar(calendar), new QueryWindow(Instant.FromUtc(2025, 10, 16, 3, 30), Instant.FromUtc(2025, 10, 22, 0, 30)), false, null, 50, None);

        Assert.Equal([calendar + "during"], page.Events.Select(e => e.Id));
        // Windows are half-open: an event ending exactly at `from`, or starting exactly at `to`, is outside.
        Assert.Empty(touching.Events);
    }

    [Fact]
    public async Task ListingPagesWithAContinuationToken()
    {
        var calendar = await storage.NewCalendarAsync();
        var seed = StoredEvents.Shouyang(NewId(), calendar);
        for (var i = 0; i < 7; i++) await storage.Events.CreateAsync(StoredEvents.Shifted(seed, $"{calendar}-{i}", i), None);

        var ids = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await storage.Agendas.ListAsync(AgendaKey.Calendar(calendar), new QueryWindow(From, To), false, token, 3, None);
            Assert.True(page.Entries.Count <= 3);
            ids.AddRange(page.Events.Select(e => e.Id));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"{calendar}-{i}"), ids);
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task OnlyOpenEventsAreInTheCompletionIndex()
    {
        var visit = StoredEvents.Shouyang(NewId(), await storage.NewCalendarAsync());
        await storage.Events.CreateAsync(visit, None);
        var afterTrip = Instant.FromUtc(2025, 10, 17, 0, 0);

        var due = await storage.Events.EndedOpenEventsAsync(afterTrip, 1000, None);
        Assert.Contains(due, e => e.EventId == visit.Id && e.EndsAt == visit.EndsAt);
        Assert.DoesNotContain(await storage.Events.EndedOpenEventsAsync(visit.EndsAt - Duration.FromSeconds(1), 1000, None), e => e.EventId == visit.Id);

        var stored = (await storage.Events.GetAsync(visit.Id, None))!;
        await storage.Events.ReplaceAsync(stored, visit with { Status = EventStatus.Cancelled, Revision = 2 }, None);

        Assert.DoesNotContain(await storage.Events.EndedOpenEventsAsync(afterTrip, 1000, None), e => e.EventId == visit.Id);
    }

    [Fact]
    public async Task RemovingACompletionEntryTwiceIsHarmless()
    {
        var visit = StoredEvents.Shouyang(NewId(), await storage.NewCalendarAsync());
        await storage.Events.CreateAsync(visit, None);
        var entry = new CompletionEntry(visit.Id, visit.EndsAt);

        await storage.Events.RemoveCompletionEntryAsync(entry, None);
        await storage.Events.RemoveCompletionEntryAsync(entry, None);

        Assert.DoesNotContain(await storage.Events.EndedOpenEventsAsync(To, 1000, None), e => e.EventId == visit.Id);
    }

    [Fact]
    public async Task AMissingIndexRowDoesNotBlockTheNextWrite()
    {
        var calendar = await storage.NewCalendarAsync();
        var visit = StoredEvents.Shouyang(NewId(), calendar);
        await storage.Events.CreateAsync(visit, None);
        var row = Assert.Single(await CalendarRowsAsync(calendar));
        await storage.Tables.Agendas.DeleteEntityAsync(row.PartitionKey, row.RowKey);

        var stored = (await storage.Events.GetAsync(visit.Id, None))!;
        await storage.Events.ReplaceAsync(stored, StoredEvents.Shifted(visit, visit.Id, 1) with { Revision = 2 }, None);

        Assert.Equal(2, Assert.Single(await AllInCalendarAsync(calendar)).Revision);
    }

    [Fact]
    public async Task TheOldestTombstonesLapseEarlyWhenTheDocumentWouldNotFitOneEntity()
    {
        var visit = StoredEvents.Shouyang(NewId(), await storage.NewCalendarAsync());
        await storage.Events.CreateAsync(visit, None);
        // Made directly, past what the API lets through: 400 tombstones of about 4 KB each.
        var big = new string('航', 1300);
        var removed = Enumerable.Range(0, 400).Select(i => RemovedItem.Of(visit.Itinerary[0] with { Id = $"gone-{i:000}", Title = big }, StoredEvents.Now, 2)).ToArray();
        var next = visit with { Revision = 2, RemovedItems = removed };

        var stored = await storage.Events.ReplaceAsync((await storage.Events.GetAsync(visit.Id, None))!, next, None);

        Assert.InRange(stored.RemovedItems.Count, 1, 399);
        Assert.Equal("gone-399", stored.RemovedItems[^1].Item.Id);
        var read = (await storage.Events.GetAsync(visit.Id, None))!.Event;
        Assert.Equal(stored.RemovedItems.Select(r => r.Item.Id), read.RemovedItems.Select(r => r.Item.Id));
    }

    [Fact]
    public async Task AnEventThatCannotFitOneEntityIsRefusedAndNothingIsWritten()
    {
        var calendar = await storage.NewCalendarAsync();
        var huge = new string('航', 8000);
        var visit = StoredEvents.Shouyang(NewId(), calendar);
        visit = visit with { Itinerary = Enumerable.Range(0, 50).Select(i => visit.Itinerary[0] with { Id = $"stop-{i}", Notes = huge }).ToArray() };

        await Assert.ThrowsAsync<EventTooLargeException>(() => storage.Events.CreateAsync(visit, None));

        Assert.Null(await storage.Events.GetAsync(visit.Id, None));
        Assert.Empty(await AllInCalendarAsync(calendar));
    }

    [Fact]
    public async Task APersonsIndexRowNamesTheEventWithoutCarryingIt()
    {
        var calendar = await storage.NewCalendarAsync();
        await storage.People.UpsertAsync(new Person("li-weiping", "李卫平", null, null, null, VisitPlanner.Core.Time.TimeZones.Default, StoredEvents.Now), None);
        var visit = StoredEvents.Shouyang(NewId(), n => n["participants"]![0]!["personId"] = "li-weiping", calendar);

        await storage.Events.CreateAsync(visit, None);

        var personRow = Assert.Single(await IndexRowsAsync(AgendaRows.PartitionKey(AgendaKey.Person("li-weiping"))), r => r.GetString("EventId") == visit.Id);
        var calendarRow = Assert.Single(await CalendarRowsAsync(calendar));
        Assert.False(personRow.ContainsKey(DocumentColumns.ChunkCount));
        Assert.True(calendarRow.ContainsKey(DocumentColumns.ChunkCount));
        var listed = await storage.Agendas.ListAsync(AgendaKey.Person("li-weiping"), new QueryWindow(From, To), includeWithdrawn: false, null, 100, None);
        Assert.Equal(EventJsonWriter.ToUtf8(visit), EventJsonWriter.ToUtf8(Assert.Single(listed.Events, e => e.Id == visit.Id)));
    }
}
