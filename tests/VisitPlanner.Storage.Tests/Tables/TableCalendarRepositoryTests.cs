using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Storage.Tests.Tables;

public class TableCalendarRepositoryTests(AzuriteTables storage) : IClassFixture<AzuriteTables>
{
    [Fact]
    public async Task TheFirstUpsertCreatesAndLaterOnesReplace()
    {
        var calendar = new VisitCalendar("hejin-edz-lectures", "经开讲堂", "Hejin EDZ lecture series", TimeZones.Default, StoredEvents.Now);

        Assert.True(await storage.Calendars.UpsertAsync(calendar, CancellationToken.None));
        Assert.False(await storage.Calendars.UpsertAsync(calendar with { Name = "经开讲堂 2025", Description = null, TimeZone = TimeZones.Find("Europe/Berlin")! }, CancellationToken.None));

        var stored = await storage.Calendars.GetAsync("hejin-edz-lectures", CancellationToken.None);
        Assert.Equal("经开讲堂 2025", stored!.Name);
        Assert.Null(stored.Description);
        Assert.Equal("Europe/Berlin", stored.TimeZone.Id);
    }

    [Fact]
    public async Task AnUnknownCalendarIsNull() =>
        Assert.Null(await storage.Calendars.GetAsync("nobody-here", CancellationToken.None));
}
