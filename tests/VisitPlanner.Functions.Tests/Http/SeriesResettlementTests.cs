using System.Net;
using System.Text.Json;
using VisitPlanner.Testing;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>
/// A series posted before its next year's holiday schedule was published keeps that year's dates as the rule says;
/// loading the schedule settles it again: a Friday meeting through New Year 2027 then skips Friday 1 January (元旦).
/// Its own host, since the schedule it loads is seen by every series of that host.
/// </summary>
public class SeriesResettlementTests(TestHost host) : IClassFixture<TestHost>
{
    [Fact]
    public async Task LoadingANewYearsScheduleSettlesTheSeriesThatReachIntoIt()
    {
        var calendar = "fridays-" + Guid.NewGuid().ToString("N")[..8];
        await host.PutCalendarAsync(calendar);
        var json = $$$"""
            {"kind":"meeting","title":"联席会议","calendars":["{{{calendar}}}"],"organizer":{"name":"产业链联盟秘书处"},
             "itinerary":[{"id":"meeting","title":"联席会议","start":"2026-12-18T15:00","end":"2026-12-18T16:30"}],
             "recurrence":{"frequency":"weekly","byDay":["FR"],"until":"2027-01-15"}}
            """;
        var posted = await host.Client.PostAsync("/api/events", TestHost.Json(json));
        var location = posted.Headers.Location!.ToString();
        var before = On(await OccurrencesAsync(location), "2027-01-01");
        Assert.Equal("scheduled", before.GetProperty("status").GetString());
        Assert.True(before.GetProperty("holidayScheduleMissing").GetBoolean());

        var loaded = await host.SendAsync(HttpMethod.Put, "/api/holidays/cn/2027", SeedHolidays.Schedule2027Json());

        Assert.Equal(HttpStatusCode.Created, loaded.StatusCode);
        Assert.Equal("1", loaded.Headers.GetValues("VisitPlanner-Series-Changed").Single());
        Assert.Equal("true", loaded.Headers.GetValues("VisitPlanner-Series-Complete").Single());
        var after = On(await OccurrencesAsync(location), "2027-01-01");
        Assert.Equal(("skipped", "元旦"), (after.GetProperty("status").GetString(), after.GetProperty("reason").GetString()));
        Assert.False(after.TryGetProperty("holidayScheduleMissing", out _));
        Assert.Equal(2, (await AssertJsonAsync(await host.Client.GetAsync(location), HttpStatusCode.OK)).GetProperty("revision").GetInt32());

        // Loading the same schedule again changes nothing.
        var again = await host.SendAsync(HttpMethod.Put, "/api/holidays/cn/2027", SeedHolidays.Schedule2027Json());
        Assert.Equal("0", again.Headers.GetValues("VisitPlanner-Series-Changed").Single());
    }

    private async Task<JsonElement[]> OccurrencesAsync(string location) =>
        (await AssertJsonAsync(await host.Client.GetAsync($"{location}/occurrences"), HttpStatusCode.OK)).GetProperty("occurrences").EnumerateArray().ToArray();

    private static JsonElement On(IEnumerable<JsonElement> occurrences, string date) => occurrences.Single(o => o.GetProperty("date").GetString() == date);
}
