using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using VisitPlanner.DevTools.Azurite;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>
/// Importing exports of Outlook, Google and Apple (the importer's own fixtures, tests/VisitPlanner.Core.Tests/Import):
/// a dry run writes nothing, an import creates the events, and importing the same file again changes nothing.
/// </summary>
public class ImportApiTests(TestHost host) : IClassFixture<TestHost>, IAsyncLifetime
{
    private readonly string _calendar = "import-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync() => Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync(_calendar)).StatusCode);

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "tests", "VisitPlanner.Core.Tests", "Import", name));

    private Task<HttpResponseMessage> ImportAsync(string ics, string query = "", string contentType = "text/calendar")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ics));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return host.Client.PostAsync($"/api/calendars/{_calendar}/import{query}", content);
    }

    private async Task<int> ListedAsync() =>
        (await AssertJsonAsync(await host.Client.GetAsync($"/api/events?calendar={_calendar}&pageSize=200"), HttpStatusCode.OK)).GetProperty("events").GetArrayLength();

    [Theory]
    [InlineData("outlook-export.ics")]
    [InlineData("google-export.ics")]
    [InlineData("apple-export.ics")]
    public async Task AnExportImportsOnceAndAgainWithoutDuplicates(string fixture)
    {
        var ics = Fixture(fixture);

        var dry = await AssertJsonAsync(await ImportAsync(ics, "?dryRun=true"), HttpStatusCode.OK);
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(0, await ListedAsync());

        var first = await AssertJsonAsync(await ImportAsync(ics), HttpStatusCode.OK);
        var created = first.GetProperty("created").GetInt32();
        Assert.True(created > 0, first.ToString());
        Assert.Equal(dry.GetProperty("created").GetInt32(), created);
        Assert.Equal(0, first.GetProperty("updated").GetInt32());

        var second = await AssertJsonAsync(await ImportAsync(ics), HttpStatusCode.OK);
        Assert.Equal((0, 0, created), (second.GetProperty("created").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32()));
        Assert.Equal(first.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("eventId").GetString()),
            second.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("eventId").GetString()));
        foreach (var entry in second.GetProperty("events").EnumerateArray())
        {
            var read = await AssertJsonAsync(await host.Client.GetAsync($"/api/events/{entry.GetProperty("eventId").GetString()}"), HttpStatusCode.OK);
            Assert.Equal(1, read.GetProperty("revision").GetInt32());
            Assert.Equal(entry.GetProperty("uid").GetString(), read.GetProperty("source").GetProperty("uid").GetString());
        }
    }

    [Fact]
    public async Task OutlooksWeeklyMeetingBecomesASeriesWithItsExceptionsInTheFeed()
    {
        var report = await AssertJsonAsync(await ImportAsync(Fixture("outlook-export.ics")), HttpStatusCode.OK);

        var feed = await host.Client.GetStringAsync($"/api/calendars/{_calendar}/feed.ics?from=2026-10-01&to=2026-12-31");
        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=", feed);
        Assert.Contains("20261026T090000", feed);
        Assert.Contains("RECURRENCE-ID;TZID=Asia/Shanghai:", feed);
        Assert.DoesNotContain("China Standard Time", feed);
        Assert.True(report.GetProperty("events").GetArrayLength() > 0);
    }

    [Fact]
    public async Task AChangedExportUpdatesTheEventItCameFrom()
    {
        var ics = Fixture("outlook-export.ics");
        await AssertJsonAsync(await ImportAsync(ics), HttpStatusCode.OK);

        var changed = await AssertJsonAsync(await ImportAsync(ics.Replace("LOCATION:管委会三楼会议室", "LOCATION:管委会一楼报告厅")), HttpStatusCode.OK);

        Assert.True(changed.GetProperty("updated").GetInt32() >= 1, changed.ToString());
        Assert.Equal(0, changed.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task AnEventTheSourceCancelsLaterIsCancelledHereToo()
    {
        var ics = Fixture("google-export.ics");
        var first = await AssertJsonAsync(await ImportAsync(ics), HttpStatusCode.OK);
        var visit = first.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("uid").GetString() == "1q2w3e4r5t6y7u8i9o0p@google.com");

        var cancelledInSource = ics.Replace("STATUS:CONFIRMED\r\nSUMMARY:“三个一批”集中签约活动", "STATUS:CANCELLED\r\nSUMMARY:“三个一批”集中签约活动");
        Assert.NotEqual(ics, cancelledInSource);
        var second = await AssertJsonAsync(await ImportAsync(cancelledInSource), HttpStatusCode.OK);

        Assert.Equal(1, second.GetProperty("cancelled").GetInt32());
        var read = await AssertJsonAsync(await host.Client.GetAsync($"/api/events/{visit.GetProperty("eventId").GetString()}"), HttpStatusCode.OK);
        Assert.Equal("cancelled", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnEditMadeHereStandsUntilTheSourceItselfChanges()
    {
        var ics = Fixture("outlook-export.ics");
        var first = await AssertJsonAsync(await ImportAsync(ics), HttpStatusCode.OK);
        var series = first.GetProperty("events").EnumerateArray().First(e => e.GetProperty("uid").GetString()!.StartsWith("040000008200E00074C5B7101A82E008", StringComparison.Ordinal));
        var location = $"/api/events/{series.GetProperty("eventId").GetString()}";
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Put, $"{location}/occurrences/2026-11-16", """{"status":"cancelled"}""", ifMatch: "\"r1\"")).StatusCode);

        var again = await AssertJsonAsync(await ImportAsync(ics), HttpStatusCode.OK);

        Assert.Equal(0, again.GetProperty("updated").GetInt32());
        var occurrences = await AssertJsonAsync(await host.Client.GetAsync($"{location}/occurrences?from=2026-11-16&to=2026-11-16"), HttpStatusCode.OK);
        Assert.Equal("cancelled", occurrences.GetProperty("occurrences")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task AMalformedFileIsABadRequestNamingTheLineAndImportsNothing()
    {
        var problem = await AssertProblemAsync(await ImportAsync(Fixture("malformed-unbalanced.ics")), HttpStatusCode.BadRequest);

        Assert.StartsWith("line ", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(0, await ListedAsync());
    }

    [Fact]
    public async Task OneBadEventIsSkippedWithItsReasonAndTheRestImported()
    {
        var report = await AssertJsonAsync(await ImportAsync(Fixture("problem-events.ics")), HttpStatusCode.OK);

        var skipped = report.GetProperty("skipped").EnumerateArray().ToArray();
        Assert.NotEmpty(skipped);
        Assert.All(skipped, s => Assert.True(s.GetProperty("line").GetInt32() > 0 && s.GetProperty("reason").GetString()!.Length > 0));
    }

    [Fact]
    public async Task TheWrongMediaTypeAndAnOversizedFileAreRefused()
    {
        await AssertProblemAsync(await ImportAsync(Fixture("google-export.ics"), contentType: "application/json"), HttpStatusCode.UnsupportedMediaType, "Content-Type");
        var huge = "BEGIN:VCALENDAR\r\n" + new string('X', 2 * 1024 * 1024) + "\r\nEND:VCALENDAR\r\n";
        await AssertProblemAsync(await ImportAsync(huge), HttpStatusCode.RequestEntityTooLarge, "$");
        await AssertProblemAsync(await ImportAsync(Fixture("google-export.ics"), "?dryRun=yes"), HttpStatusCode.BadRequest, "dryRun");
        // Within 2 MiB, but more VEVENTs than one import takes.
        var many = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n"
            + string.Concat(Enumerable.Range(0, 5001).Select(i => $"BEGIN:VEVENT\r\nUID:{i}\r\nDTSTART:20261012T010000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\n"))
            + "END:VCALENDAR\r\n";
        var tooMany = await AssertProblemAsync(await ImportAsync(many), HttpStatusCode.RequestEntityTooLarge);
        Assert.StartsWith("line ", tooMany.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(0, await ListedAsync());
    }

    [Fact]
    public async Task ACalendarThatDoesNotExistIsNotFound()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Fixture("google-export.ics")));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/calendar");
        await AssertProblemAsync(await host.Client.PostAsync("/api/calendars/no-such-calendar/import", content), HttpStatusCode.NotFound);
    }
}
