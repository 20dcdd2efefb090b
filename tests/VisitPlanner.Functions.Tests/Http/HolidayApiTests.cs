using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using VisitPlanner.Testing;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>
/// China's working calendar through the API: 2026 as shipped, a 2027 schedule (invented, docs/examples) PUT at run
/// time, read back, kept across a restart and seen by another instance within its cache time; bad schedules refused
/// naming the field, writing nothing. What a loaded year does is seen where it matters: a weekly series on Fridays
/// through New Year 2027 keeps Friday 1 January (元旦) while 2027 is missing, and skips it once 2027 is loaded.
/// </summary>
public class HolidayApiTests(TestHost host) : IClassFixture<TestHost>
{
    private static string Path(object year) => $"/api/holidays/cn/{year}";

    private static Task<HttpResponseMessage> PutAsync(TestHost on, object year, string json) => on.Client.PutAsync(Path(year), TestHost.Json(json));

    /// <summary>A small schedule of <paramref name="year"/>: 元旦 1–3 January off, and a Saturday worked in October.</summary>
    private static string SmallSchedule(int year, string name = "元旦")
    {
        var saturday = Enumerable.Range(1, 7).Select(d => new DateOnly(year, 10, d)).First(d => d.DayOfWeek == DayOfWeek.Saturday);
        return $$"""
            {"year":{{year}},"papers":["https://example.org/holiday-cn/{{year}}"],"days":[
              {"name":"{{name}}","date":"{{year}}-01-01","isOffDay":true},{"name":"{{name}}","date":"{{year}}-01-02","isOffDay":true},
              {"name":"{{name}}","date":"{{year}}-01-03","isOffDay":true},{"name":"国庆节","date":"{{saturday:yyyy-MM-dd}}","isOffDay":false}]}
            """;
    }

    [Fact]
    public async Task TheShippedScheduleOf2026IsServed()
    {
        var body = await AssertJsonAsync(await host.Client.GetAsync(Path(2026)), HttpStatusCode.OK);

        Assert.Equal(2026, body.GetProperty("year").GetInt32());
        Assert.Equal("https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm", Assert.Single(body.GetProperty("papers").EnumerateArray()).GetString());
        var days = body.GetProperty("days").EnumerateArray().ToArray();
        Assert.Equal(39, days.Length);
        Assert.Equal("""{"name":"元旦","date":"2026-01-01","isOffDay":true}""", days[0].GetRawText());
        Assert.Contains(days, d => d.GetProperty("date").GetString() == "2026-10-10" && !d.GetProperty("isOffDay").GetBoolean());
    }

    [Fact]
    public async Task A2027SchedulePutIsCreatedThenReplacedAndReadBack()
    {
        await AssertProblemAsync(await host.Client.GetAsync(Path(2027)), HttpStatusCode.NotFound);

        var created = await AssertJsonAsync(await PutAsync(host, 2027, SeedHolidays.Schedule2027Json()), HttpStatusCode.Created);
        var read = await AssertJsonAsync(await host.Client.GetAsync(Path(2027)), HttpStatusCode.OK);
        var replaced = await AssertJsonAsync(await PutAsync(host, 2027, SeedHolidays.Schedule2027Json()), HttpStatusCode.OK);

        Assert.Equal(created.GetRawText(), read.GetRawText());
        Assert.Equal(read.GetRawText(), replaced.GetRawText());
        Assert.Equal(34, read.GetProperty("days").GetArrayLength());
        Assert.Equal("""{"name":"元旦","date":"2027-01-01","isOffDay":true}""", read.GetProperty("days")[0].GetRawText());
        // The answer is the holiday-cn format itself: it can be PUT back as it is.
        await AssertJsonAsync(await PutAsync(host, 2027, read.GetRawText()), HttpStatusCode.OK);
    }

    [Fact]
    public async Task AStoredYearReplacesTheShippedOne()
    {
        await using var own = await TestHost.StartAsync(new Dictionary<string, string?>());
        var corrected = JsonNode.Parse(await own.Client.GetStringAsync(Path(2026)))!;
        corrected["days"]!.AsArray().Add(new JsonObject { ["name"] = "元旦", ["date"] = "2026-12-31", ["isOffDay"] = true });

        // The year had a schedule already, the shipped one: replacing it is 200, not 201.
        await AssertJsonAsync(await PutAsync(own, 2026, corrected.ToJsonString()), HttpStatusCode.OK);

        var read = await AssertJsonAsync(await own.Client.GetAsync(Path(2026)), HttpStatusCode.OK);
        Assert.Equal(40, read.GetProperty("days").GetArrayLength());
        Assert.Equal("2026-12-31", read.GetProperty("days")[39].GetProperty("date").GetString());
    }

    public static TheoryData<string, string> Refused => new()
    {
        { SeedHolidays.Schedule2027Json(), "year" }, // 2027's schedule PUT to 2028's URL
        { SmallSchedule(2028).Replace("\"year\":2028", "\"year\":\"2028\""), "year" },
        { SmallSchedule(2028).Replace("2028-01-02", "2028-01-01"), "days[1].date" }, // listed twice
        { SmallSchedule(2028).Replace("2028-01-01", "2027-12-14"), "days[0].date" }, // before 2027-12-15
        { SmallSchedule(2028).Replace("2028-01-01", "2029-01-16"), "days[0].date" }, // after 2029-01-15
        { SmallSchedule(2028).Replace("2028-01-03\",\"isOffDay\":true", "2028-01-03\",\"isOffDay\":false"), "days[2].isOffDay" }, // a Monday
        { SmallSchedule(2028).TrimEnd().TrimEnd('}') + ""","source":"gov.cn"}""", "source" },
        { SmallSchedule(2028).Replace("\"isOffDay\":true", "\"isOffDay\":\"true\""), "days[0].isOffDay" },
        { SmallSchedule(2028).Replace("\"name\":\"元旦\"", "\"name\":1"), "days[0].name" },
        { SmallSchedule(2028).Replace("\"papers\":[\"https://example.org/holiday-cn/2028\"]", "\"papers\":\"https://example.org/holiday-cn/2028\""), "papers" },
        { """{"year":2028,"papers":[],"days":{"2028-01-01":true}}""", "days" },
        { """{"year":2028,"papers":[],"days":[]}""", "days" },
        { """["2028-01-01"]""", "$" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ABadScheduleIsRefusedNamingTheFieldAndWritesNothing(string json, string field)
    {
        await AssertProblemAsync(await PutAsync(host, 2028, json), HttpStatusCode.BadRequest, field);

        await AssertProblemAsync(await host.Client.GetAsync(Path(2028)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ARefusedReplacementLeavesTheStoredScheduleAsItWas()
    {
        var stored = await AssertJsonAsync(await PutAsync(host, 2029, SmallSchedule(2029)), HttpStatusCode.Created);

        await AssertProblemAsync(await PutAsync(host, 2029, SmallSchedule(2029, name: "新年").Replace("2029-01-02", "2029-01-01")), HttpStatusCode.BadRequest, "days[1].date");

        var read = await AssertJsonAsync(await host.Client.GetAsync(Path(2029)), HttpStatusCode.OK);
        Assert.Equal(stored.GetRawText(), read.GetRawText());
    }

    [Theory]
    [InlineData("27")]
    [InlineData("02027")]
    [InlineData("1900")]
    [InlineData("2200")]
    [InlineData("year")]
    [InlineData("２０２７")] // full-width digits
    [InlineData("+202")]
    public async Task AYearThatIsNotFourDigitsFrom1901To2199IsRefused(string year)
    {
        await AssertProblemAsync(await host.Client.GetAsync(Path(Uri.EscapeDataString(year))), HttpStatusCode.BadRequest, "year");
        await AssertProblemAsync(await PutAsync(host, Uri.EscapeDataString(year), SmallSchedule(2030)), HttpStatusCode.BadRequest, "year");
    }

    [Fact]
    public async Task APutSurvivesARestartOfTheApp()
    {
        var first = await TestHost.StartAsync(new Dictionary<string, string?>());
        var prefix = first.TablePrefix;
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(first, 2027, SeedHolidays.Schedule2027Json())).StatusCode);
        var written = await first.Client.GetStringAsync(Path(2027));
        await first.DisposeAsync();

        await using var restarted = await TestHost.StartAsync(new Dictionary<string, string?>(), prefix);

        Assert.Equal(written, await restarted.Client.GetStringAsync(Path(2027)));
        var calendar = "fridays-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await restarted.PutCalendarAsync(calendar)).StatusCode);
        var series = await PostFridaysAsync(restarted, calendar);
        Assert.False(series.TryGetProperty("warnings", out _), series.ToString());
        Assert.Equal("skipped", await NewYearsDayAsync(restarted, series));
    }

    [Fact]
    public async Task AnotherInstanceSeesAPutWithinItsCacheTimeAndThePuttingOneAtOnce()
    {
        var settings = (double seconds) => new Dictionary<string, string?> { ["VisitPlanner:Holidays:CacheSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var writer = await TestHost.StartAsync(settings(3600));
        await using var soon = await TestHost.StartAsync(settings(2), writer.TablePrefix);
        await using var late = await TestHost.StartAsync(settings(3600), writer.TablePrefix);
        var calendar = "fridays-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await writer.PutCalendarAsync(calendar)).StatusCode);
        // Every instance has read the calendar, without 2027, before the PUT.
        foreach (var instance in new[] { writer, soon, late })
        {
            var before = await PostFridaysAsync(instance, calendar);
            Assert.Contains("2027", Assert.Single(before.GetProperty("warnings").EnumerateArray()).GetProperty("message").GetString());
            Assert.Equal("scheduled", await NewYearsDayAsync(instance, before));
        }

        Assert.Equal(HttpStatusCode.Created, (await PutAsync(writer, 2027, SeedHolidays.Schedule2027Json())).StatusCode);

        // The instance that took the PUT uses it at once; another within its cache time, not before.
        Assert.Equal("skipped", await NewYearsDayAsync(writer, await PostFridaysAsync(writer, calendar)));
        Assert.Equal("scheduled", await NewYearsDayAsync(late, await PostFridaysAsync(late, calendar)));
        // Reading the year itself is not cached: every instance answers what is stored.
        Assert.Equal(HttpStatusCode.OK, (await late.Client.GetAsync(Path(2027))).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var after = await PostFridaysAsync(soon, calendar);
        Assert.False(after.TryGetProperty("warnings", out _), after.ToString());
        Assert.Equal("skipped", await NewYearsDayAsync(soon, after));
    }

    /// <summary>例会 every Friday 09:00 from 4 December 2026 to 29 January 2027, skipping holidays: Friday 1 January 2027 is 元旦.</summary>
    private static async Task<JsonElement> PostFridaysAsync(TestHost on, string calendar)
    {
        var json = $$$"""
            {"kind":"meeting","title":"周五例会","calendars":["{{{calendar}}}"],"organizer":{"name":"寿阳经开区党政办"},
             "itinerary":[{"id":"meeting","title":"周五例会","start":"2026-12-04T09:00","end":"2026-12-04T10:00"}],
             "recurrence":{"frequency":"weekly","byDay":["FR"],"until":"2027-01-29","holidays":"skip"}}
            """;
        return await AssertJsonAsync(await on.Client.PostAsync("/api/events", TestHost.Json(json)), HttpStatusCode.Created);
    }

    /// <summary>What became of the series' occurrence on 1 January 2027: "scheduled" (no schedule said otherwise) or "skipped".</summary>
    private static async Task<string?> NewYearsDayAsync(TestHost on, JsonElement series)
    {
        var id = series.GetProperty("id").GetString();
        var body = await AssertJsonAsync(await on.Client.GetAsync($"/api/events/{id}/occurrences"), HttpStatusCode.OK);
        return body.GetProperty("occurrences").EnumerateArray().Single(o => o.GetProperty("date").GetString() == "2027-01-01").GetProperty("status").GetString();
    }
}
