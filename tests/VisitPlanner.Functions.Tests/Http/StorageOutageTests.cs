using System.Net;
using VisitPlanner.Core.Links;
using VisitPlanner.DevHost;
using VisitPlanner.DevHost.Functions;
using VisitPlanner.DevTools.Azurite;
using VisitPlanner.Functions.Http;
using VisitPlanner.Testing;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>When Table Storage cannot be reached, the API says so: 503 with Retry-After, never a 500.</summary>
public class StorageOutageTests
{
    /// <summary>A request each function would serve by <paramref name="method"/> if storage answered: its route filled in, a valid body for writes.</summary>
    private static (HttpMethod Method, string Path, string? Body) RequestFor(HttpFunction function, string method, string routePrefix)
    {
        var path = $"/{routePrefix}/" + function.Route
            .Replace("{calendarId}", SeedEvents.CalendarId)
            .Replace("{personId}", "li-weiping")
            .Replace("{subscriptionId}", "5k2wexamplesubscrip")
            .Replace("{id}", "some-event")
            .Replace("{date}", "2026-10-05")
            .Replace("{seriesId}", "jingkai-lectures")
            .Replace("{year}", "2027");
        if (function.Route == Routes.Events && function.Methods.Contains("GET")) path += $"?calendar={SeedEvents.CalendarId}";
        var httpMethod = new HttpMethod(method);
        string? body = httpMethod == HttpMethod.Post || httpMethod == HttpMethod.Put
            ? function.Route switch
            {
                Routes.Calendar => """{"name":"寿阳经开区 外出考察"}""",
                Routes.Person => """{"name":"李卫平"}""",
                Routes.Events or Routes.Event => SeedEvents.ShouyangAerospaceVisitJson(),
                Routes.CalendarSubscriptions or Routes.PersonSubscriptions => """{"label":"李卫平 phone"}""",
                Routes.EventOccurrence => """{"status":"cancelled"}""",
                Routes.Series => $$"""{"name":"经开讲堂","kind":"trainingLecture","calendars":["{{SeedEvents.CalendarId}}"]}""",
                Routes.ChinaHolidays => SeedHolidays.Schedule2027Json(),
                Routes.CalendarImport => ImportBody,
                _ => throw new InvalidOperationException($"No sample body for {function.Name} ({function.Route}): add one, so the outage test covers it."),
            }
            : null;
        return (httpMethod, path, body);
    }

    /// <summary>An import takes a file, not JSON.</summary>
    private const string ImportBody = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nEND:VCALENDAR\r\n";

    [Fact]
    public async Task EveryHttpFunctionAnswers503WithRetryAfterWhenStorageIsUnreachable()
    {
        // A port nothing listens on: every connection is refused, as when the account is unreachable.
        var deadPort = AzuriteServer.FreePort();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["VisitPlanner:Storage:ConnectionString"] = AzuriteServer.ConnectionStringFor(deadPort),
        });
        var functions = FunctionCatalog.Discover(DevHostApp.FunctionsAssembly).Http;
        Assert.NotEmpty(functions);

        var routePrefix = host.GetService<HostSettings>().RoutePrefix;
        var requests = 0;
        foreach (var function in functions)
        {
            foreach (var verb in function.Methods)
            {
                var (method, path, body) = RequestFor(function, verb, routePrefix);
                var response = body == ImportBody
                    ? await host.Client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "text/calendar"))
                    : await host.SendAsync(method, path, body, ifMatch: method == HttpMethod.Put || method == HttpMethod.Delete ? "\"r1\"" : null);
                requests++;

                // A HEAD answer has the status and headers of the GET, without its body.
                if (method == HttpMethod.Head) Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                else await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
                Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"{function.Name} ({method} {path}): no Retry-After");
            }
        }
        Assert.True(requests > functions.Count, "HEAD variants were not tried");
        Assert.Contains(host.Logs.Lines, l => l.Contains("Storage unavailable"));
    }
}
