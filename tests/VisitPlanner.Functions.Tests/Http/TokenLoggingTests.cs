using System.Net;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>Secret URLs are logged masked: nothing a log store keeps could open a private feed.</summary>
public class TokenLoggingTests(TestHost host) : IClassFixture<TestHost>
{
    [Fact]
    public async Task NoTokenOrKeyReachesTheLogs()
    {
        var calendar = "logged-" + Guid.NewGuid().ToString("N")[..8];
        await host.PutCalendarAsync(calendar, visibility: "private");
        var subscription = await AssertJsonAsync(await host.Client.PostAsync($"/api/calendars/{calendar}/subscriptions", TestHost.Json("""{"label":"phone"}""")), HttpStatusCode.Created);
        var feedUrl = subscription.GetProperty("feedUrl").GetString()!;
        var token = new Uri(feedUrl).Query["?token=".Length..];

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(feedUrl)).StatusCode);
        await host.Client.GetAsync(feedUrl.Replace(token, token[..20] + new string('x', 32)));
        await host.Client.GetAsync($"/api/calendars/{calendar}/feed.ics?code=secret-function-key-123&token={token}");

        // All three request lines, before looking for what they must not contain.
        await host.Logs.WaitForAsync(_ => host.Logs.Lines.Count(l => l.Contains($"/api/calendars/{calendar}/feed.ics?")) >= 3);
        Assert.Equal(2, host.Logs.Lines.Count(l => l.Contains($"/api/calendars/{calendar}/feed.ics?token=***")));
        Assert.Contains(host.Logs.Lines, l => l.Contains($"/api/calendars/{calendar}/feed.ics?code=***&token=***"));
        Assert.DoesNotContain(token, host.Logs.All);
        Assert.DoesNotContain(token[20..], host.Logs.All);
        Assert.DoesNotContain("secret-function-key-123", host.Logs.All);
    }

    [Fact]
    public async Task ASecretSentInTheWrongPlaceIsMaskedToo()
    {
        const string key = "FKEY-secret-4242";
        await using var keyed = await TestHost.StartAsync(new Dictionary<string, string?> { ["VisitPlanner:DevHost:FunctionKey"] = key });
        var token = Core.Domain.SubscriptionToken.New().ToString();
        string[] misplaced =
        [
            $"/api/calendars/c1/feed.ics?token%3D{token}",
            $"/api/calendars/c1/feed.ics/{token}",
            $"/api/calendars/{token}/feed.ics",
            $"/api/calendars/c1/{key}",
            $"/api/events?code={key}&x={token}",
            $"/api/events?calendar={token}&{key}",
        ];

        foreach (var path in misplaced) await keyed.Client.GetAsync(path);

        await keyed.Logs.WaitForAsync(_ => keyed.Logs.Lines.Count(l => l.Contains("VisitPlanner.DevHost.Requests")) >= misplaced.Length);
        Assert.DoesNotContain(token[Core.Domain.SubscriptionToken.IdLength..], keyed.Logs.All);
        Assert.DoesNotContain(key, keyed.Logs.All);
        Assert.Contains(keyed.Logs.Lines, l => l.Contains("/api/calendars/c1/feed.ics?***"));
    }
}
