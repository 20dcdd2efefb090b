using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using VisitPlanner.Testing.Hosting;
using VisitPlanner.Testing;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Pages;

/// <summary>
/// Setting up what the page tests look at, through the API: calendars, the Shouyang visit moved into the coming
/// weeks (the fixture lies in October 2025 and pages show what is ahead), and subscriptions.
/// </summary>
internal static class PageTestSupport
{
    public const string CalendarName = "寿阳经开区 外出考察";

    /// <summary>The visit's first day: a month from now in Shanghai, well inside the page's 400 days.</summary>
    public static readonly DateOnly FirstDay = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(30);

    public static DateOnly SecondDay => FirstDay.AddDays(1);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    public static readonly IReadOnlyList<string> StopTitles =
    [
        "参观鹤壁科创新城规划建设展示中心", "调研航天宏图信息技术股份有限公司总部", "调研天章卫星智造基地",
        "调研航天驭星测控基地", "调研航宇火箭总装智能制造基地", "专题座谈会（王宇翔主持）",
    ];

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<string> NewCalendarAsync(TestHost host, string visibility = "public")
    {
        var id = NewId("page");
        Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync(id, CalendarName, visibility: visibility)).StatusCode);
        return id;
    }

    /// <summary>Posts the Shouyang visit on <see cref="FirstDay"/> and <see cref="SecondDay"/>, with <paramref name="change"/> applied; returns its id.</summary>
    public static async Task<string> PostVisitAsync(TestHost host, string calendarId, Action<JsonNode>? change = null)
    {
        var json = SeedEvents.ShouyangAerospaceVisitJson(n =>
        {
            foreach (var item in n["itinerary"]!.AsArray())
            {
                foreach (var key in new[] { "start", "end" })
                {
                    var value = item![key]!.GetValue<string>();
                    var day = value.StartsWith("2025-10-15", StringComparison.Ordinal) ? FirstDay : SecondDay;
                    item[key] = Iso(day) + value[10..];
                }
            }
            change?.Invoke(n);
        }, calendarId);
        var created = await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(json)), HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    /// <summary>A new subscription of a calendar or person (<c>calendars/ID</c>, <c>people/ID</c>): its id, token, feed URL and answer.</summary>
    public static async Task<(string Id, string Token, string FeedUrl, JsonElement Body)> SubscribeAsync(TestHost host, string agendaPath)
    {
        var body = await AssertJsonAsync(await host.Client.PostAsync($"/api/{agendaPath}/subscriptions", TestHost.Json("""{"label":"x"}""")), HttpStatusCode.Created);
        var feedUrl = body.GetProperty("feedUrl").GetString()!;
        var token = feedUrl[(feedUrl.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
        return (body.GetProperty("id").GetString()!, token, feedUrl, body);
    }

    /// <summary>The page's URL as a browser on this test host opens it.</summary>
    public static string Url(TestHost host, string path) => new Uri(host.Client.BaseAddress!, path).ToString();

    /// <summary>The base URL links on the pages start with: the test host's, without the trailing slash.</summary>
    public static string BaseUrl(TestHost host) => host.Client.BaseAddress!.ToString().TrimEnd('/');

    /// <summary>The subscribe links expected for <paramref name="feedUrl"/>, built independently of the code under test.</summary>
    public static (string Webcal, string Google, string Outlook) ExpectedLinks(string feedUrl, string name)
    {
        var webcal = "webcal" + feedUrl[feedUrl.IndexOf("://", StringComparison.Ordinal)..];
        return (webcal,
            "https://calendar.google.com/calendar/r?cid=" + Uri.EscapeDataString(webcal),
            "https://outlook.office.com/calendar/0/addfromweb?url=" + Uri.EscapeDataString(feedUrl) + "&name=" + Uri.EscapeDataString(name));
    }
}
