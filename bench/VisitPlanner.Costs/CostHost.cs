using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VisitPlanner.DevHost;
using VisitPlanner.Functions;
using VisitPlanner.Storage.Tables;

namespace VisitPlanner.Costs;

/// <summary>What one request cost: the host's StorageRequestCounter before and after, and the wall time.</summary>
public sealed record Cost(int Status, long Reads, long Writes, double Milliseconds, HttpResponseMessage Response)
{
    public long Total => Reads + Writes;
}

/// <summary>
/// One instance of the app: the dev host in-process on a free loopback port, over shared Azurite tables, with
/// its own StorageRequestCounter (the singleton AddVisitPlanner registers) and its own FeedCache. Timers are off,
/// so the counter moves only with the requests sent here.
/// </summary>
public sealed class CostHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CostHost(WebApplication app, string name)
    {
        _app = app;
        Name = name;
        Counter = app.Services.GetRequiredService<StorageRequestCounter>();
        Client = new HttpClient { BaseAddress = DevHostApp.BaseAddress(app), Timeout = TimeSpan.FromSeconds(60) };
        // One public host name for both instances, as behind Azure's front end: their links, so their feed ETags, agree.
        Client.DefaultRequestHeaders.Host = "visitplanner.bench";
    }

    public string Name { get; }

    public HttpClient Client { get; }

    public StorageRequestCounter Counter { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<CostHost> StartAsync(string name, string root, string connectionString, string tablePrefix, double? versionCheckSeconds = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{VisitPlannerServices.ConfigurationSection}:ConnectionString"] = connectionString,
            [$"{VisitPlannerServices.ConfigurationSection}:TablePrefix"] = tablePrefix,
        };
        if (versionCheckSeconds is { } seconds)
            settings[$"{VisitPlannerServices.FeedsSection}:VersionCheckSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var app = DevHostApp.Build(new DevHostOptions
        {
            Port = 0,
            Host = "127.0.0.1",
            RunTimers = false,
            Settings = settings,
            // The per-request log line would drown the tables; warnings and errors still show.
            ConfigureLogging = logging => logging.AddFilter("VisitPlanner.DevHost.Requests", LogLevel.Warning),
        }, root);
        await app.StartAsync();
        return new CostHost(app, name);
    }

    public async Task<Cost> SendAsync(HttpMethod method, string path, string? json = null, string? ifMatch = null, string? ifNoneMatch = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        var (reads, writes) = (Counter.Reads, Counter.Writes);
        var started = Stopwatch.GetTimestamp();
        var response = await Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new Cost((int)response.StatusCode, Counter.Reads - reads, Counter.Writes - writes, elapsed, response);
    }

    public Task<Cost> GetAsync(string path, string? ifNoneMatch = null) => SendAsync(HttpMethod.Get, path, ifNoneMatch: ifNoneMatch);

    public Task<Cost> SendAsyncWithHeader(string path, string name, string value) =>
        SendAsync(HttpMethod.Get, path, headers: new Dictionary<string, string> { [name] = value });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
