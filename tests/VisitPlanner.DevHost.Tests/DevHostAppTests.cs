using System.Net;
using System.Text.Json;
using VisitPlanner.Testing.Hosting;

namespace VisitPlanner.DevHost.Tests;

/// <summary>The dev host in-process (the same <see cref="DevHostApp.Build"/> the program runs) over the test Azurite.</summary>
public sealed class DevHostAppTests(TestHost host) : IClassFixture<TestHost>
{
    private static void AssertProblem(HttpResponseMessage response, HttpStatusCode status, string body)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("title").GetString()));
    }

    [Theory]
    [InlineData("/api/no-such-function")]
    [InlineData("/events")] // functions live under the host.json route prefix only
    [InlineData("/api/calendars/a/b/c")]
    public async Task An_unknown_path_is_a_404_problem(string path)
    {
        using var response = await host.Client.GetAsync(path);

        AssertProblem(response, HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(path, json.RootElement.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task A_method_the_route_does_not_serve_is_a_405_problem_with_allow()
    {
        using var response = await host.SendAsync(HttpMethod.Patch, "/api/events", "{}");

        AssertProblem(response, HttpStatusCode.MethodNotAllowed, await response.Content.ReadAsStringAsync());
        var allow = response.Content.Headers.Allow.Concat(response.Headers.TryGetValues("Allow", out var values) ? values : []).ToArray();
        Assert.Contains("GET", allow);
        Assert.Contains("POST", allow);
        Assert.DoesNotContain("PATCH", allow);
    }

    [Fact]
    public async Task A_calendar_is_served_at_the_route_prefix()
    {
        var id = "devhost-" + Guid.NewGuid().ToString("N")[..8];

        using var missing = await host.Client.GetAsync($"/api/calendars/{id}");
        AssertProblem(missing, HttpStatusCode.NotFound, await missing.Content.ReadAsStringAsync());

        using var created = await host.PutCalendarAsync(id);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Contains($"{host.Client.BaseAddress!.Authority}/api/calendars/{id}/feed.ics", json.RootElement.GetRawText());

        using var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/calendars/{id}/feed.ics"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/calendar", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_admin_endpoint_runs_a_timer_function_now()
    {
        using var response = await host.Client.PostAsync("/admin/functions/CompleteEndedEvents", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task The_admin_endpoint_does_not_know_other_names()
    {
        using var unknown = await host.Client.PostAsync("/admin/functions/NoSuchFunction", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // HTTP functions are not run through the admin endpoint.
        using var http = await host.Client.PostAsync("/admin/functions/GetCalendar", null);
        Assert.Equal(HttpStatusCode.NotFound, http.StatusCode);
    }
}
