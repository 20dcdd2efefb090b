using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Xunit;
using VisitPlanner.DevHost;
using VisitPlanner.DevTools.Azurite;
using VisitPlanner.Functions;

namespace VisitPlanner.Testing.Hosting;

/// <summary>
/// The dev host, in-process on a free port, over the test process's Azurite with tables of its own: HTTP
/// tests go through the very function classes and routing that `dotnet run --project src/VisitPlanner.DevHost` serves.
/// </summary>
public sealed class TestHost : IAsyncLifetime, IAsyncDisposable
{
    private WebApplication? _app;
    private readonly Dictionary<string, string?> _extraSettings = [];
    private Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? _services;
    private string? _hostJsonPath;

    public HttpClient Client { get; private set; } = null!;

    public string TablePrefix { get; private init; } = TestAzurite.NewTablePrefix();

    /// <summary>
    /// Another host, started now: with <paramref name="tablePrefix"/> of an existing one it is a second instance
    /// of the same app on the same storage, as Azure runs several.
    /// </summary>
    public static async Task<TestHost> StartAsync(IReadOnlyDictionary<string, string?> settings, string? tablePrefix = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null, string? hostJsonPath = null)
    {
        var host = new TestHost { TablePrefix = tablePrefix ?? TestAzurite.NewTablePrefix(), _services = services, _hostJsonPath = hostJsonPath };
        foreach (var (key, value) in settings) host._extraSettings[key] = value;
        await host.InitializeAsync();
        return host;
    }

    public T GetService<T>() where T : notnull => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(Services);

    public string ConnectionString { get; private set; } = "";

    public IServiceProvider Services => _app!.Services;

    /// <summary>Every line this host logged, at every level: what would reach a log store in Azure.</summary>
    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        var azurite = await TestAzurite.GetAsync();
        ConnectionString = azurite.ConnectionString;
        var settings = new Dictionary<string, string?>
        {
            [$"{VisitPlannerServices.ConfigurationSection}:ConnectionString"] = azurite.ConnectionString,
            [$"{VisitPlannerServices.ConfigurationSection}:TablePrefix"] = TablePrefix,
        };
        foreach (var (key, value) in _extraSettings) settings[key] = value;
        _app = DevHostApp.Build(new DevHostOptions
        {
            Port = 0,
            Host = "127.0.0.1",
            RunTimers = false,
            Settings = settings,
            ConfigureLogging = logging => logging.AddProvider(Logs),
            ConfigureServices = _services,
            HostJsonPath = _hostJsonPath,
        }, RepositoryRoot.Find());
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = DevHostApp.BaseAddress(_app) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Creates or replaces a calendar; public unless said otherwise, so its plain feed URL answers.</summary>
    public Task<HttpResponseMessage> PutCalendarAsync(string id, string name = "寿阳经开区 外出考察", string timeZone = "Asia/Shanghai", string visibility = "public") =>
        Client.PutAsync($"/api/calendars/{id}", Json($$"""{"name":"{{name}}","timeZone":"{{timeZone}}","visibility":"{{visibility}}"}"""));

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = Json(json);
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return await Client.SendAsync(request);
    }
}
