using System.Net;
using System.Text.Json;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>
/// Recurring events through the API, on China's working calendar of 2026: 周例会 every Monday from 7 September to 30
/// November skips 国庆节 (5 October) or meets on Thursday 8 October instead; occurrences are listed, cancelled and
/// overridden by their original date, each edit a new revision of the event.
/// </summary>
public class RecurringEventApiTests(TestHost host) : IClassFixture<TestHost>, IAsyncLifetime
{
    private readonly string _calendar = "weekly-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync() => Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync(_calendar)).StatusCode);

    public Task DisposeAsync() => Task.CompletedTask;

    private string WeeklyJson(string holidays = "skip", string until = "2026-11-30", string extra = "") => $$$"""
        {"kind":"meeting","title":"周例会","calendars":["{{{_calendar}}}"],"organizer":{"name":"寿阳经开区党政办"},
         "itinerary":[{"id":"meeting","title":"周例会","start":"2026-09-07T09:00","end":"2026-09-07T10:00","location":{"name":"管委会三楼会议室","city":"寿阳"}}],
         "recurrence":{"frequency":"weekly","byDay":["MO"],"until":"{{{until}}}","holidays":"{{{holidays}}}"}{{{extra}}}}
        """;

    private async Task<(JsonElement Body, string Location, string ETag)> PostAsync(string json)
    {
        var response = await host.Client.PostAsync("/api/events", TestHost.Json(json));
        var body = await AssertJsonAsync(response, HttpStatusCode.Created);
        return (body, response.Headers.Location!.ToString(), response.Headers.ETag!.ToString());
    }

    private async Task<JsonElement[]> OccurrencesAsync(string location, string query = "")
    {
        var body = await AssertJsonAsync(await host.Client.GetAsync($"{location}/occurrences{query}"), HttpStatusCode.OK);
        return body.GetProperty("occurrences").EnumerateArray().ToArray();
    }

    private static JsonElement On(IEnumerable<JsonElement> occurrences, string date) => occurrences.Single(o => o.GetProperty("date").GetString() == date);

    [Fact]
    public async Task AMondayMeetingSkipsNationalDayInItsOccurrencesAndFeed()
    {
        var (body, location, _) = await PostAsync(WeeklyJson());

        Assert.Equal("weekly", body.GetProperty("recurrence").GetProperty("frequency").GetString());
        Assert.Equal("skip", body.GetProperty("recurrence").GetProperty("holidays").GetString());
        Assert.Equal("2026-11-30T02:00:00Z", body.GetProperty("endsAt").GetString());
        var occurrences = await OccurrencesAsync(location);
        Assert.Equal(13, occurrences.Length);
        var holiday = On(occurrences, "2026-10-05");
        Assert.Equal(("skipped", "国庆节"), (holiday.GetProperty("status").GetString(), holiday.GetProperty("reason").GetString()));
        Assert.Equal("2026-10-12T01:00:00Z", On(occurrences, "2026-10-12").GetProperty("startsAt").GetString());
        Assert.Equal("2026-10-12T09:00:00+08:00", On(occurrences, "2026-10-12").GetProperty("start").GetString());

        var feed = await host.Client.GetStringAsync($"/api/calendars/{_calendar}/feed.ics?from=2026-09-01&to=2026-12-31");
        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261130T155959Z", feed);
        Assert.Contains("EXDATE;TZID=Asia/Shanghai:20261005T090000", feed);
    }

    [Fact]
    public async Task NextWorkdayMovesTheMeetingToThursdayByAnOverride()
    {
        var (_, location, _) = await PostAsync(WeeklyJson("nextWorkday"));

        var moved = On(await OccurrencesAsync(location), "2026-10-05");
        Assert.Equal(("scheduled", "2026-10-08", "国庆节"), (moved.GetProperty("status").GetString(), moved.GetProperty("movedTo").GetString(), moved.GetProperty("reason").GetString()));
        Assert.Equal("2026-10-08T01:00:00Z", moved.GetProperty("startsAt").GetString());
        var feed = await host.Client.GetStringAsync($"/api/calendars/{_calendar}/feed.ics?from=2026-09-01&to=2026-12-31");
        Assert.Contains("RECURRENCE-ID;TZID=Asia/Shanghai:20261005T090000", feed);
        Assert.Contains("DTSTART;TZID=Asia/Shanghai:20261008T090000", feed);
    }

    [Fact]
    public async Task AnOccurrenceIsCancelledAndOverriddenByItsDateEachARevision()
    {
        var (_, location, etag) = await PostAsync(WeeklyJson());

        var withoutIfMatch = await host.SendAsync(HttpMethod.Put, $"{location}/occurrences/2026-09-14", """{"status":"cancelled"}""");
        await AssertProblemAsync(withoutIfMatch, HttpStatusCode.PreconditionRequired, "If-Match");
        var cancelled = await host.SendAsync(HttpMethod.Put, $"{location}/occurrences/2026-09-14", """{"status":"cancelled"}""", ifMatch: etag);
        var cancelledBody = await AssertJsonAsync(cancelled, HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelledBody.GetProperty("status").GetString());
        Assert.Equal("\"r2\"", cancelled.Headers.ETag!.ToString());

        var stale = await host.SendAsync(HttpMethod.Put, $"{location}/occurrences/2026-09-21", """{"title":"x"}""", ifMatch: etag);
        await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        var overridden = await host.SendAsync(HttpMethod.Put, $"{location}/occurrences/2026-09-21",
            """{"title":"周例会（扩大会议）","speaker":"李卫平","itinerary":[{"id":"meeting","start":"2026-09-22T14:00","end":"2026-09-22T16:00"}]}""", ifMatch: "\"r2\"");
        var overriddenBody = await AssertJsonAsync(overridden, HttpStatusCode.OK);
        Assert.True(overriddenBody.GetProperty("overridden").GetBoolean());
        Assert.Equal("2026-09-22T06:00:00Z", overriddenBody.GetProperty("startsAt").GetString());
        Assert.Equal("\"r3\"", overridden.Headers.ETag!.ToString());

        var deleted = await host.Client.DeleteAsync($"{location}/occurrences/2026-09-28");
        Assert.Equal("cancelled", (await AssertJsonAsync(deleted, HttpStatusCode.OK)).GetProperty("status").GetString());
        var again = await host.Client.DeleteAsync($"{location}/occurrences/2026-09-28");
        Assert.Equal("\"r4\"", again.Headers.ETag!.ToString());

        var read = await AssertJsonAsync(await host.Client.GetAsync(location), HttpStatusCode.OK);
        Assert.Equal(4, read.GetProperty("revision").GetInt32());
        Assert.Equal(3, read.GetProperty("exceptions").GetArrayLength());
        var feed = await host.Client.GetStringAsync($"/api/calendars/{_calendar}/feed.ics?from=2026-09-01&to=2026-12-31");
        Assert.Contains("EXDATE;TZID=Asia/Shanghai:20260914T090000,20260928T090000,20261005T090000", feed);
        Assert.Contains("RECURRENCE-ID;TZID=Asia/Shanghai:20260921T090000", feed);
    }

    [Fact]
    public async Task ScheduledAloneUndoesACancellation()
    {
        var (_, location, etag) = await PostAsync(WeeklyJson());
        await AssertJsonAsync(await host.SendAsync(HttpMethod.Put, $"{location}/occurrences/2026-09-14", """{"status":"cancelled"}""", ifMatch: etag), HttpStatusCode.OK);

        var restored = await host.SendAsync(HttpMethod.Put, $"{location}/occurrences/2026-09-14", """{"status":"scheduled"}""", ifMatch: "\"r2\"");

        Assert.Equal("scheduled", (await AssertJsonAsync(restored, HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal("\"r3\"", restored.Headers.ETag!.ToString());
        Assert.False((await AssertJsonAsync(await host.Client.GetAsync(location), HttpStatusCode.OK)).TryGetProperty("exceptions", out _));
    }

    [Fact]
    public async Task ASeriesThatKeepsItsDatesOnHolidaysIsNeverFlagged()
    {
        var (body, location, _) = await PostAsync(WeeklyJson("keep", until: "2027-01-25"));

        Assert.False(body.TryGetProperty("warnings", out _));
        Assert.All(await OccurrencesAsync(location), o => Assert.False(o.TryGetProperty("holidayScheduleMissing", out _)));
    }

    [Theory]
    [InlineData("2026-10-06", "not an occurrence")]
    [InlineData("06-10-2026", "not a date")]
    public async Task ADateThatIsNoOccurrenceIsABadRequest(string date, string message)
    {
        var (_, location, etag) = await PostAsync(WeeklyJson());

        var response = await host.SendAsync(HttpMethod.Put, $"{location}/occurrences/{date}", """{"status":"cancelled"}""", ifMatch: etag);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "date");
        Assert.Contains(message, problem.GetProperty("detail").GetString());
        Assert.Equal(1, (await AssertJsonAsync(await host.Client.GetAsync(location), HttpStatusCode.OK)).GetProperty("revision").GetInt32());
    }

    [Theory]
    [InlineData("""{"frequency":"weekly","byDay":["MO"],"until":"2026-09-01"}""", "recurrence.until")]
    [InlineData("""{"frequency":"weekly","byDay":["MO"],"until":"2026-11-30","count":3}""", "recurrence.until")]
    [InlineData("""{"frequency":"weekly","byDay":["MO"],"count":1001}""", "recurrence.count")]
    [InlineData("""{"frequency":"weekly","byDay":["MO"],"until":"2032-01-01"}""", "recurrence.until")]
    [InlineData("""{"frequency":"daily","byDay":["MO"],"count":3}""", "recurrence.byDay")]
    public async Task ABadRuleIsRefusedAndNothingIsWritten(string recurrence, string field)
    {
        var json = WeeklyJson().Replace("""{"frequency":"weekly","byDay":["MO"],"until":"2026-11-30","holidays":"skip"}""", recurrence);

        await AssertProblemAsync(await host.Client.PostAsync("/api/events", TestHost.Json(json)), HttpStatusCode.BadRequest, field);

        var listing = await AssertJsonAsync(await host.Client.GetAsync($"/api/events?calendar={_calendar}"), HttpStatusCode.OK);
        Assert.Equal(0, listing.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task AnExceptionOnADateThatIsNoOccurrenceIsRefused()
    {
        var json = WeeklyJson(extra: ""","exceptions":[{"date":"2026-10-06","status":"cancelled"}]""");

        var problem = await AssertProblemAsync(await host.Client.PostAsync("/api/events", TestHost.Json(json)), HttpStatusCode.BadRequest, "exceptions[0].date");

        Assert.Contains("2026-10-05 and 2026-10-12", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ASeriesIntoAYearWithoutASchedulesIsKeptFlaggedAndWarned()
    {
        var (body, location, _) = await PostAsync(WeeklyJson(until: "2027-01-25"));

        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal("recurrence", warning.GetProperty("field").GetString());
        Assert.Contains("2027", warning.GetProperty("message").GetString());
        var occurrences = await OccurrencesAsync(location, "?from=2026-12-20");
        Assert.Equal(["2026-12-21", "2026-12-28", "2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25"], occurrences.Select(o => o.GetProperty("date").GetString()));
        Assert.False(On(occurrences, "2026-12-21").TryGetProperty("holidayScheduleMissing", out _));
        Assert.True(On(occurrences, "2027-01-04").GetProperty("holidayScheduleMissing").GetBoolean());
        Assert.True(On(occurrences, "2026-12-28").GetProperty("holidayScheduleMissing").GetBoolean());
    }

    [Fact]
    public async Task TheListingHasTheSeriesOnceWithItsOccurrencesInTheWindow()
    {
        var (_, location, _) = await PostAsync(WeeklyJson());

        var october = await AssertJsonAsync(await host.Client.GetAsync($"/api/events?calendar={_calendar}&from=2026-10-01&to=2026-10-31"), HttpStatusCode.OK);
        var series = Assert.Single(october.GetProperty("events").EnumerateArray());
        Assert.Equal(location, $"/api/events/{series.GetProperty("id").GetString()}");
        Assert.Equal(["2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26"], series.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("date").GetString()));

        // A window between two Mondays holds no occurrence, so no event.
        var tuesdayToSunday = await AssertJsonAsync(await host.Client.GetAsync($"/api/events?calendar={_calendar}&from=2026-10-13&to=2026-10-18"), HttpStatusCode.OK);
        Assert.Equal(0, tuesdayToSunday.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task TheCompletionTimerCompletesASeriesAfterItsLastOccurrenceOnly()
    {
        var (_, ended, _) = await PostAsync(WeeklyJson());
        var next = DateTime.UtcNow.Year + 1;
        var (_, running, _) = await PostAsync(WeeklyJson().Replace("2026-09-07T", $"{next}-09-06T").Replace("\"until\":\"2026-11-30\"", $"\"until\":\"{next}-11-29\"").Replace("\"byDay\":[\"MO\"],", ""));

        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsync("/admin/functions/CompleteEndedEvents", null)).StatusCode);

        Assert.Equal("completed", (await AssertJsonAsync(await host.Client.GetAsync(ended), HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal("confirmed", (await AssertJsonAsync(await host.Client.GetAsync(running), HttpStatusCode.OK)).GetProperty("status").GetString());
    }
}
