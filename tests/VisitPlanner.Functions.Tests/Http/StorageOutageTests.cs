using System.Net;
using VisitPlanner.Core.Links;
using VisitPlanner.DevHost;
using VisitPlanner.DevHost.Functions;
using VisitPlanner.DevTools.Azurite;
using VisitPlanner.Testing;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>When Table Storage cannot be reached, the API says so: 503 with Retry-After, never a 500.</summary>
public class StorageOutageTests
{
    /// <summary>A request each function would serve if storage answered: its route filled in, a valid body for writes.</summary>
    private static (HttpMethod Method, string Path, string? Body) RequestFor(HttpFunction function)
    {
        var path = "/api/" + function.Route
            .Replace("{calendarId}", SeedEvents.CalendarId)
            .Replace("{personId}", "li-weiping")
            .Replace("{subscriptionId}", "5k2wexamplesubscrip")
            .Replace("{id}", "some-event");
        if (function.Route == Routes.Events && function.Methods.Contains("GET")) path += $"?calendar={SeedEvents.CalendarId}";
        var method = new HttpMethod(function.Methods[0]);
        string? body = method == HttpMethod.Post || method == HttpMethod.Put
            ? function.Route switch
            {
                Routes.Calendar => """{"name":"寿阳经开区 外出考察"}""",
                Routes.Person => """{"name":"李卫平"}""",
                Routes.Events or Routes.Event => SeedEvents.ShouyangAerospaceVisitJson(),
                Routes.CalendarSubscriptions or Routes.PersonSubscriptions => """{"label":"李卫平 phone"}""",
                _ => throw new InvalidOperationException($"No sample body for {function.Name} ({function.Route}): add one, so the outage test covers it."),
            }
            : null;
        return (method, path, body);
    }

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

        foreach (var function in functions)
        {
            var (method, path, body) = RequestFor(function);
            var response = await host.SendAsync(method, path, body, ifMatch: method == HttpMethod.Put || method == HttpMethod.Delete ? "\"r1\"" : null);

            await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"{function.Name} ({method} {path}): no Retry-After");
        }
        Assert.Contains(host.Logs.Lines, l => l.Contains("Storage unavailable"));
    }
}
