using System.Net;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

public class CalendarApiTests(TestHost host) : IClassFixture<TestHost>
{
    [Fact]
    public async Task PutCreatesThenReplacesAndGetReadsIt()
    {
        var created = await AssertJsonAsync(await host.PutCalendarAsync("hejin-edz-lectures", "经开讲堂"), HttpStatusCode.Created);
        var replaced = await AssertJsonAsync(await host.Client.PutAsync("/api/calendars/hejin-edz-lectures",
            TestHost.Json("""{"name":"经开讲堂 2025","description":"河津经开区 经开讲堂","timeZone":"Asia/Shanghai","visibility":"public"}""")), HttpStatusCode.OK);
        var read = await AssertJsonAsync(await host.Client.GetAsync("/api/calendars/hejin-edz-lectures"), HttpStatusCode.OK);

        Assert.Equal("经开讲堂", created.GetProperty("name").GetString());
        Assert.Equal("经开讲堂 2025", replaced.GetProperty("name").GetString());
        Assert.Equal("河津经开区 经开讲堂", read.GetProperty("description").GetString());
        Assert.Equal("Asia/Shanghai", read.GetProperty("timeZone").GetString());
        Assert.Equal(new Uri(host.Client.BaseAddress!, "/api/calendars/hejin-edz-lectures/feed.ics").ToString(), read.GetProperty("feedUrl").GetString());
    }

    [Fact]
    public async Task TheZoneDefaultsToShanghai()
    {
        var created = await AssertJsonAsync(await host.Client.PutAsync("/api/calendars/default-zone", TestHost.Json("""{"name":"x"}""")), HttpStatusCode.Created);

        Assert.Equal("Asia/Shanghai", created.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task ARefreshIntervalWithAZeroFractionIsWhole()
    {
        var created = await AssertJsonAsync(await host.Client.PutAsync("/api/calendars/refresh-whole", TestHost.Json("""{"name":"x","refreshMinutes":60.0}""")), HttpStatusCode.Created);

        Assert.Equal(60, created.GetProperty("refreshMinutes").GetInt32());
    }

    [Fact]
    public async Task ColorsPerKindAreKeptAndReachTheFeed()
    {
        var created = await AssertJsonAsync(await host.Client.PutAsync("/api/calendars/colored-trips",
            TestHost.Json("""{"name":"外出考察","visibility":"public","colors":{"delegationVisit":"darkorange","meeting":"teal"}}""")), HttpStatusCode.Created);
        var read = await AssertJsonAsync(await host.Client.GetAsync("/api/calendars/colored-trips"), HttpStatusCode.OK);

        foreach (var body in new[] { created, read })
        {
            Assert.Equal("darkorange", body.GetProperty("colors").GetProperty("delegationVisit").GetString());
            Assert.Equal("teal", body.GetProperty("colors").GetProperty("meeting").GetString());
        }
        var posted = await host.Client.PostAsync("/api/events", TestHost.Json(VisitPlanner.Testing.SeedEvents.ShouyangAerospaceVisitJson("colored-trips")));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var feed = await host.Client.GetStringAsync("/api/calendars/colored-trips/feed.ics?from=2025-10-01&to=2025-10-31");
        Assert.Contains("\r\nCOLOR:darkorange\r\n", feed);
        Assert.DoesNotContain("COLOR:crimson", feed);
    }

    [Fact]
    public async Task AnUnknownCalendarIs404() =>
        await AssertProblemAsync(await host.Client.GetAsync("/api/calendars/nobody"), HttpStatusCode.NotFound);

    [Theory]
    [InlineData("""{"name":"x","timeZone":"Asia/Beijing"}""", "timeZone")]
    [InlineData("""{"timeZone":"Asia/Shanghai"}""", "name")]
    [InlineData("""{"name":17}""", "name")]
    [InlineData("""{"name":"x","id":"another"}""", "id")]
    [InlineData("""{"name":"x","visibility":""}""", "visibility")]
    [InlineData("""{"name":"x","timeZone":" "}""", "timeZone")]
    [InlineData("""{"name":"\u200B"}""", "name")]
    [InlineData("""{"name":"x","refreshMinutes":60.5}""", "refreshMinutes")]
    [InlineData("""{"name":"x","colors":{"meeting":"#ff0000"}}""", "colors.meeting")]
    [InlineData("""{"name":"x","colors":{"meeting":"Navy"}}""", "colors.meeting")]
    [InlineData("""{"name":"x","colors":{"meeting":""}}""", "colors.meeting")]
    [InlineData("""{"name":"x","colors":{"banquet":"navy"}}""", "colors.banquet")]
    [InlineData("""{"name":"x","colors":["navy"]}""", "colors")]
    public async Task BadCalendarsNameTheField(string json, string field)
    {
        await AssertProblemAsync(await host.Client.PutAsync("/api/calendars/bad-calendar", TestHost.Json(json)), HttpStatusCode.BadRequest, field);

        await AssertProblemAsync(await host.Client.GetAsync("/api/calendars/bad-calendar"), HttpStatusCode.NotFound);
    }
}
