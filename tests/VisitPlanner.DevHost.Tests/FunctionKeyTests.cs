using System.Net;
using System.Text.Json;
using VisitPlanner.Testing.Hosting;

namespace VisitPlanner.DevHost.Tests;

/// <summary>With a key configured, the dev host checks function keys as Azure does; feeds stay anonymous.</summary>
public sealed class FunctionKeyTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(new Dictionary<string, string?> { ["VisitPlanner:DevHost:FunctionKey"] = "dev-key-shouyang-0001" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpResponseMessage> PutCalendarAsync(string? header = null, string? code = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/calendars/keyed" + (code is null ? "" : $"?code={Uri.EscapeDataString(code)}"))
        {
            Content = TestHost.Json("""{"name":"keyed","visibility":"public"}"""),
        };
        if (header is not null) request.Headers.Add("x-functions-key", header);
        return await _host.Client.SendAsync(request);
    }

    [Fact]
    public async Task WritesWithoutTheKeyAre401ProblemsAndWriteNothing()
    {
        var missing = await PutCalendarAsync();
        var wrong = await PutCalendarAsync(header: "dev-key-shouyang-0002");

        foreach (var response in new[] { missing, wrong })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(401, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        }
        var read = new HttpRequestMessage(HttpMethod.Get, "/api/calendars/keyed");
        read.Headers.Add("x-functions-key", "dev-key-shouyang-0001");
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.SendAsync(read)).StatusCode);
    }

    [Fact]
    public async Task TheKeyOpensInTheHeaderOrAsCode()
    {
        Assert.Equal(HttpStatusCode.Created, (await PutCalendarAsync(header: "dev-key-shouyang-0001")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutCalendarAsync(code: "dev-key-shouyang-0001")).StatusCode);
    }

    [Fact]
    public async Task FeedsStayAnonymousAndTheAdminEndpointNeedsTheKey()
    {
        await PutCalendarAsync(header: "dev-key-shouyang-0001");

        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync("/api/calendars/keyed/feed.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Client.PostAsync("/admin/functions/CompleteEndedEvents", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _host.Client.PostAsync("/admin/functions/CompleteEndedEvents?code=dev-key-shouyang-0001", null)).StatusCode);
        Assert.DoesNotContain("dev-key-shouyang-0001", _host.Logs.All);
    }
}
