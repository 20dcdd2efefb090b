using VisitPlanner.DevTools.Azurite;
using VisitPlanner.Functions.Http;

namespace VisitPlanner.Functions.Tests.Http;

public sealed class HostSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("visitplanner-hostjson-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string HostJson(string json)
    {
        var path = Path.Combine(_folder, "host.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Reads_the_route_prefix_from_host_json()
    {
        var settings = HostSettings.Load(HostJson("""{ "version": "2.0", "extensions": { "http": { "routePrefix": "v1" } } }"""));

        Assert.Equal("v1", settings.RoutePrefix);
        Assert.Equal("v1/events", settings.Template("events"));
        Assert.Equal("v1/calendars/{calendarId}/feed.ics", settings.Template("calendars/{calendarId}/feed.ics"));
    }

    [Fact]
    public void A_missing_host_json_means_the_default_api_prefix()
    {
        var settings = HostSettings.Load(Path.Combine(_folder, "no-such-host.json"));

        Assert.Equal("api", settings.RoutePrefix);
        Assert.Equal(HostSettings.DefaultRoutePrefix, settings.RoutePrefix);
    }

    [Fact]
    public void A_host_json_without_a_route_prefix_means_api()
    {
        var settings = HostSettings.Load(HostJson("""{ "version": "2.0", "extensions": { "http": { "maxOutstandingRequests": 200 } } }"""));

        Assert.Equal("api", settings.RoutePrefix);
    }

    [Fact]
    public void An_empty_route_prefix_serves_functions_at_the_root()
    {
        var settings = HostSettings.Load(HostJson("""{ "version": "2.0", "extensions": { "http": { "routePrefix": "" } } }"""));

        Assert.Equal("", settings.RoutePrefix);
        Assert.Equal("events", settings.Template("events"));
        Assert.Equal("calendars/{calendarId}", settings.Template("calendars/{calendarId}"));
    }

    [Fact]
    public void Slashes_around_the_prefix_are_dropped()
    {
        var settings = HostSettings.Load(HostJson("""{ "extensions": { "http": { "routePrefix": "/v2/" } } }"""));

        Assert.Equal("v2/events", settings.Template("events"));
    }

    [Fact]
    public void Host_json_may_carry_comments_and_trailing_commas()
    {
        var settings = HostSettings.Load(HostJson("""
            {
              // Functions' host.json allows comments
              "extensions": { "http": { "routePrefix": "v3", }, },
            }
            """));

        Assert.Equal("v3", settings.RoutePrefix);
    }

    [Fact]
    public void The_default_template_is_prefixed_with_api()
    {
        Assert.Equal("api/events", new HostSettings(HostSettings.DefaultRoutePrefix).Template("events"));
    }

    [Fact]
    public void The_repository_host_json_uses_api()
    {
        var settings = HostSettings.Load(Path.Combine(RepositoryRoot.Find(), "host.json"));

        Assert.Equal("api/events", settings.Template("events"));
    }
}
