using System.Net;
using System.Text.Json;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>经开讲堂: a numbered series whose sessions are numbered as they are posted, concurrently too, never twice.</summary>
public class SeriesApiTests(TestHost host) : IClassFixture<TestHost>, IAsyncLifetime
{
    private readonly string _calendar = "lectures-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _series = "jingkai-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync(_calendar)).StatusCode);
        var series = await host.SendAsync(HttpMethod.Put, $"/api/series/{_series}",
            $$$"""{"name":"经开讲堂","kind":"trainingLecture","calendars":["{{{_calendar}}}"],"organizer":{"name":"寿阳经开区党工委组织部"}}""");
        Assert.Equal(HttpStatusCode.Created, series.StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string LectureJson(string topic, string speaker, int day, string extra = "") => $$$"""
        {"kind":"trainingLecture","title":"{{{topic}}}","speaker":"{{{speaker}}}","seriesId":"{{{_series}}}","calendars":["{{{_calendar}}}"],"organizer":{"name":"寿阳经开区党工委组织部"},
         "itinerary":[{"id":"talk","title":"{{{topic}}}","start":"2026-11-{{{day:00}}}T14:30","end":"2026-11-{{{day:00}}}T16:30","location":{"name":"经开区管委会报告厅","city":"寿阳"}}]{{{extra}}}}
        """;

    private async Task<JsonElement> PostAsync(string json, HttpStatusCode expected = HttpStatusCode.Created) =>
        await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(json)), expected);

    [Fact]
    public async Task SessionsAreNumberedInTurnAndConcurrentPostsGetConsecutiveNumbers()
    {
        var first = await PostAsync(LectureJson("招商引资实务", "王磊", 2));
        Assert.Equal(1, first.GetProperty("sessionNumber").GetInt32());
        Assert.Equal("经开讲堂", first.GetProperty("series").GetString());

        var posts = Enumerable.Range(0, 5).Select(i => host.Client.PostAsync("/api/events", TestHost.Json(LectureJson($"安全环保 {i}", "李义志", 3 + i)))).ToArray();
        var numbers = new List<int>();
        foreach (var response in await Task.WhenAll(posts)) numbers.Add((await AssertJsonAsync(response, HttpStatusCode.Created)).GetProperty("sessionNumber").GetInt32());

        Assert.Equal([2, 3, 4, 5, 6], numbers.Order());
        var shown = await AssertJsonAsync(await host.Client.GetAsync($"/api/series/{_series}"), HttpStatusCode.OK);
        Assert.Equal([1, 2, 3, 4, 5, 6], shown.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("number").GetInt32()));
        Assert.Equal("经开讲堂 第1期", shown.GetProperty("sessions")[0].GetProperty("label").GetString());
        Assert.Equal("王磊", shown.GetProperty("sessions")[0].GetProperty("speaker").GetString());
    }

    [Fact]
    public async Task AnExplicitNumberMustBeFreeAndACancelledSessionKeepsItsNumber()
    {
        var explicitSession = await PostAsync(LectureJson("统计审计", "朱健", 10, ",\"sessionNumber\":22"));
        Assert.Equal(22, explicitSession.GetProperty("sessionNumber").GetInt32());
        await AssertProblemAsync(await host.Client.PostAsync("/api/events", TestHost.Json(LectureJson("金融服务", "闫占宏", 11, ",\"sessionNumber\":22"))), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.DeleteAsync($"/api/events/{explicitSession.GetProperty("id").GetString()}")).StatusCode);
        var next = await PostAsync(LectureJson("金融服务", "闫占宏", 12));
        Assert.Equal(23, next.GetProperty("sessionNumber").GetInt32());
        var shown = await AssertJsonAsync(await host.Client.GetAsync($"/api/series/{_series}"), HttpStatusCode.OK);
        var cancelled = shown.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("number").GetInt32() == 22);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AReplacementKeepsTheNumberAndRefusesAnother()
    {
        var posted = await PostAsync(LectureJson("项目对接", "张骥", 13));
        var location = $"/api/events/{posted.GetProperty("id").GetString()}";
        var number = posted.GetProperty("sessionNumber").GetInt32();

        var renumbered = await host.SendAsync(HttpMethod.Put, location, LectureJson("项目对接", "张骥", 13, $",\"sessionNumber\":{number + 50}"), ifMatch: "\"r1\"");
        await AssertProblemAsync(renumbered, HttpStatusCode.Conflict);
        var retitled = await host.SendAsync(HttpMethod.Put, location, LectureJson("项目对接（更新）", "张骥", 13), ifMatch: "\"r1\"");
        Assert.Equal(number, (await AssertJsonAsync(retitled, HttpStatusCode.OK)).GetProperty("sessionNumber").GetInt32());
    }

    [Fact]
    public async Task FeedsCarryTheSeriesNumberAndSpeakerAndFilterBySeries()
    {
        var lecture = await PostAsync(LectureJson("安全生产专题", "贾幼平", 20));
        var number = lecture.GetProperty("sessionNumber").GetInt32();
        await PostAsync($$"""
            {"kind":"meeting","title":"项目对接会","calendars":["{{_calendar}}"],"organizer":{"name":"寿阳经开区"},
             "itinerary":[{"title":"项目对接会","start":"2026-11-21T09:00","end":"2026-11-21T10:00"}]}
            """);

        var all = await host.Client.GetStringAsync($"/api/calendars/{_calendar}/feed.ics?from=2026-11-01&to=2026-11-30");
        var onlySeries = await host.Client.GetStringAsync($"/api/calendars/{_calendar}/feed.ics?from=2026-11-01&to=2026-11-30&series={_series}");

        Assert.Contains($"SUMMARY:经开讲堂 第{number}期 · 安全生产专题 · 主讲 贾幼平", all.Replace("\r\n ", ""));
        Assert.Contains("项目对接会", all);
        Assert.Contains($"经开讲堂 第{number}期", onlySeries.Replace("\r\n ", ""));
        Assert.DoesNotContain("项目对接会", onlySeries);
    }

    [Fact]
    public async Task ThePageListsComingAndPastSessions()
    {
        await PostAsync(LectureJson("安全环保（往期）", "李义志", 1));
        await PostAsync(LectureJson("招商引资（下期）", "王磊", 2).Replace("2026-11-02", $"{DateTime.UtcNow.Year + 1}-03-02"));

        var response = await host.Client.GetAsync($"/api/series/{_series}/page");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var coming = html.IndexOf("id=\"coming\"", StringComparison.Ordinal);
        var past = html.IndexOf("id=\"past\"", StringComparison.Ordinal);
        Assert.True(coming >= 0 && past > coming);
        Assert.InRange(html.IndexOf("招商引资（下期）", StringComparison.Ordinal), coming, past);
        Assert.True(html.IndexOf("安全环保（往期）", StringComparison.Ordinal) > past);
    }

    [Theory]
    [InlineData("""{"kind":"trainingLecture","calendars":["x"]}""", "name")]
    [InlineData("""{"name":"经开讲堂","kind":"lecture","calendars":["{calendar}"]}""", "kind")]
    [InlineData("""{"name":"经开讲堂","kind":"trainingLecture","calendars":["nope-nope"]}""", "calendars[0]")]
    [InlineData("""{"name":"经开讲堂","kind":"trainingLecture","calendars":["{calendar}"],"numberFormat":"第期"}""", "numberFormat")]
    public async Task ABadSeriesIsRefusedNamingTheField(string body, string field) =>
        await AssertProblemAsync(await host.SendAsync(HttpMethod.Put, $"/api/series/bad-{Guid.NewGuid():N}"[..30], body.Replace("{calendar}", _calendar)), HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task AnEventOfASeriesThatDoesNotExistIsRefused() =>
        await AssertProblemAsync(await host.Client.PostAsync("/api/events", TestHost.Json(LectureJson("x", "y", 5).Replace(_series, "no-such-series"))), HttpStatusCode.BadRequest, "seriesId");
}
