using System.Net;
using VisitPlanner.DevTools.Azurite;
using VisitPlanner.Testing.Hosting;
using VisitPlanner.Testing;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>When Table Storage cannot be reached, the API says so: 503 with Retry-After, never a 500.</summary>
public class StorageOutageTests
{
    [Fact]
    public async Task EveryEndpointAnswers503WithRetryAfterWhenStorageIsUnreachable()
    {
        // A port nothing listens on: every connection is refused, as when the account is unreachable.
        var deadPort = AzuriteServer.FreePort();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["VisitPlanner:Storage:ConnectionString"] = AzuriteServer.ConnectionStringFor(deadPort),
        });

        var requests = new (HttpMethod Method, string Path, string? Body)[]
        {
            (HttpMethod.Put, "/api/calendars/shouyang-edz-trips", """{"name":"寿阳经开区 外出考察"}"""),
            (HttpMethod.Post, "/api/events", SeedEvents.ShouyangAerospaceVisitJson()),
            (HttpMethod.Get, "/api/events/some-event", null),
            (HttpMethod.Get, "/api/calendars/shouyang-edz-trips/feed.ics", null),
            (HttpMethod.Get, "/api/calendars/shouyang-edz-trips/page", null),
        };
        foreach (var (method, path, body) in requests)
        {
            var response = await host.SendAsync(method, path, body, ifMatch: method == HttpMethod.Put && path.StartsWith("/api/events") ? "\"r1\"" : null);

            await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"{method} {path}: no Retry-After");
        }
        Assert.Contains(host.Logs.Lines, l => l.Contains("Storage unavailable"));
    }
}
