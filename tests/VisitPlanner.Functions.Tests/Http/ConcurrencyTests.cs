using System.Net;
using System.Text.Json;
using VisitPlanner.Testing.Hosting;
using VisitPlanner.Testing;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>Two people editing the same visit: exactly one wins, nobody's change is lost silently.</summary>
public class ConcurrencyTests(TestHost host) : IClassFixture<TestHost>
{
    private async Task<(string Calendar, string Location)> VisitAsync()
    {
        var calendar = "race-" + Guid.NewGuid().ToString("N")[..8];
        await host.PutCalendarAsync(calendar);
        var created = await host.Client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(calendar)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (calendar, created.Headers.Location!.ToString());
    }

    [Fact]
    public async Task APutWithoutIfMatchIs428AndSaysHowToGetTheETag()
    {
        var (calendar, location) = await VisitAsync();

        var response = await host.SendAsync(HttpMethod.Put, location, SeedEvents.ShouyangAerospaceVisitJson(n => n["title"] = "blind edit", calendar));

        var problem = await AssertProblemAsync(response, (HttpStatusCode)428, "If-Match");
        Assert.Contains($"GET {location}", problem.GetProperty("detail").GetString());
        Assert.Equal(1, (await AssertJsonAsync(await host.Client.GetAsync(location), HttpStatusCode.OK)).GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task FiftyConcurrentPutsWithTheSameETagHaveExactlyOneWinner()
    {
        var (calendar, location) = await VisitAsync();
        var bodies = Enumerable.Range(0, 50)
            .Select(i => SeedEvents.ShouyangAerospaceVisitJson(n => n["title"] = $"航天产业专题考察 edit {i}", calendar))
            .ToArray();

        var responses = await Task.WhenAll(bodies.Select(body => host.SendAsync(HttpMethod.Put, location, body, ifMatch: "\"r1\"")));

        var winners = responses.Select((r, i) => (r, i)).Where(x => x.r.StatusCode == HttpStatusCode.OK).ToArray();
        var winner = Assert.Single(winners);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));

        var stored = await AssertJsonAsync(await host.Client.GetAsync(location), HttpStatusCode.OK);
        var answered = JsonDocument.Parse(await winner.r.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal($"航天产业专题考察 edit {winner.i}", stored.GetProperty("title").GetString());
        Assert.Equal(answered.ToString(), stored.ToString());
        Assert.Equal(2, stored.GetProperty("revision").GetInt32());
        // The feed shows the winner's version too.
        var feed = FeedParsers.ParseWithIcalJs(await host.Client.GetStringAsync($"/api/calendars/{calendar}/feed.ics?from=2025-01-01&to=2026-12-31"));
        Assert.All(feed.Events, e => Assert.Equal(1, e.Sequence));
        Assert.Contains(feed.Events, e => e.Summary.EndsWith($"edit {winner.i}"));
    }

    [Fact]
    public async Task ConcurrentCancelsWithTheSameETagHaveOneWinnerToo()
    {
        var (_, location) = await VisitAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => host.SendAsync(HttpMethod.Delete, location, ifMatch: "\"r1\"")));

        // A cancel repeated after it succeeded is a no-op 204 only without a stale If-Match; with "r1" the losers see 412.
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
    }
}
