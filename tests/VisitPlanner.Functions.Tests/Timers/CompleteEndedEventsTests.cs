using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using VisitPlanner.Testing.Hosting;
using VisitPlanner.Testing;

namespace VisitPlanner.Functions.Tests.Timers;

/// <summary>The completion timer, run as the Functions host runs it on demand (POST /admin/functions/{name}).</summary>
public class CompleteEndedEventsTests(TestHost host) : IClassFixture<TestHost>
{
    private async Task<JsonElement> GetAsync(string location) =>
        JsonDocument.Parse(await host.Client.GetStringAsync(location)).RootElement.Clone();

    private async Task RunTimerAsync() =>
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client.PostAsync("/admin/functions/CompleteEndedEvents", null)).StatusCode);

    [Fact]
    public async Task EndedEventsAreCompletedOnceAndOthersAreLeftAlone()
    {
        var calendar = "timer-" + Guid.NewGuid().ToString("N")[..8];
        await host.PutCalendarAsync(calendar);
        var next = DateTime.UtcNow.Year + 1;
        var past = (await host.Client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(calendar)))).Headers.Location!.ToString();
        var future = (await host.Client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(
            n => n["itinerary"] = JsonNode.Parse($$"""[{"title":"2027 visit","start":"{{next}}-10-15T09:00","end":"{{next}}-10-15T11:00"}]"""), calendar)))).Headers.Location!.ToString();
        var cancelled = (await host.Client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(calendar)))).Headers.Location!.ToString();
        await host.Client.DeleteAsync(cancelled);

        await RunTimerAsync();
        var afterFirst = await GetAsync(past);
        await RunTimerAsync();

        Assert.Equal(("completed", 2), (afterFirst.GetProperty("status").GetString(), afterFirst.GetProperty("revision").GetInt32()));
        // A second run, as after a late or repeated timer, changes nothing.
        Assert.Equal(afterFirst.ToString(), (await GetAsync(past)).ToString());
        Assert.Equal(("confirmed", 1), ((await GetAsync(future)).GetProperty("status").GetString(), (await GetAsync(future)).GetProperty("revision").GetInt32()));
        Assert.Equal("cancelled", (await GetAsync(cancelled)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AReplacedCompletedEventStaysCompletedUnlessItNowEndsInTheFuture()
    {
        var calendar = "timer-" + Guid.NewGuid().ToString("N")[..8];
        await host.PutCalendarAsync(calendar);
        var location = (await host.Client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(calendar)))).Headers.Location!.ToString();
        await RunTimerAsync();
        Assert.Equal("completed", (await GetAsync(location)).GetProperty("status").GetString());

        // A correction after the visit (a body without status) does not reopen it ...
        var corrected = await host.SendAsync(HttpMethod.Put, location, SeedEvents.ShouyangAerospaceVisitJson(n => n["title"] = "航天产业专题考察（纪要已更正）", calendar), ifMatch: "\"r2\"");
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal("completed", (await GetAsync(location)).GetProperty("status").GetString());

        // ... but moving it into the future does: it has not happened yet.
        var next = DateTime.UtcNow.Year + 1;
        var moved = await host.SendAsync(HttpMethod.Put, location, SeedEvents.ShouyangAerospaceVisitJson(
            n => n["itinerary"] = JsonNode.Parse($$"""[{"title":"改到明年","start":"{{next}}-10-15T09:00","end":"{{next}}-10-15T11:00"}]"""), calendar), ifMatch: "\"r3\"");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("confirmed", (await GetAsync(location)).GetProperty("status").GetString());
    }
}
