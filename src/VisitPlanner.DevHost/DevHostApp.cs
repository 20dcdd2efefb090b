using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Routing.Patterns;
using VisitPlanner.Core.Services;
using VisitPlanner.DevHost.Functions;
using VisitPlanner.Functions.Http;
using VisitPlanner.Functions;

namespace VisitPlanner.DevHost;

/// <summary>How to run the dev host: the tests build one in-process with their own Azurite.</summary>
public sealed record DevHostOptions
{
    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; init; } = 7071;

    /// <summary>Address to listen on; loopback only, as this host enforces no keys by default.</summary>
    public string Host { get; init; } = "localhost";

    public bool RunTimers { get; init; } = true;

    /// <summary>Extra configuration (e.g. VisitPlanner:Storage:ConnectionString), applied last.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public string[] Args { get; init; } = [];

    /// <summary>The host.json to take the route prefix from; null for the repository's (tests try other prefixes).</summary>
    public string? HostJsonPath { get; init; }

    /// <summary>Service overrides applied after the app's own graph, e.g. a fake clock or a fault-injecting storage client in tests.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Extra logging setup, e.g. a provider that captures output in tests.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}

/// <summary>
/// Builds the dev host: the function app's own service graph (<see cref="VisitPlannerServices.AddVisitPlanner"/>),
/// each HTTP function mapped at the route, methods and prefix Azure would use, and the timers on their schedules.
/// </summary>
public static class DevHostApp
{
    public static readonly System.Reflection.Assembly FunctionsAssembly = typeof(VisitPlannerServices).Assembly;

    public static WebApplication Build(DevHostOptions options, string repositoryRoot)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = options.Args, ContentRootPath = repositoryRoot });
        // As with `func start`, local.settings.json fills in what the environment and arguments leave unset.
        var environmentAt = builder.Configuration.Sources.ToList().FindIndex(s => s is Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource);
        builder.Configuration.Sources.Insert(Math.Max(environmentAt, 0), new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = LocalSettings(repositoryRoot) });
        builder.Configuration.AddInMemoryCollection(options.Settings);
        // Development storage is the Azurite this host runs: point the app at the port it runs on.
        var localAzurite = LocalAzurite.From(builder.Configuration, VisitPlannerServices.ReadStorageOptions(builder.Configuration).ConnectionString, repositoryRoot);
        if (localAzurite is not null) builder.Configuration[$"{VisitPlannerServices.ConfigurationSection}:ConnectionString"] = localAzurite.ConnectionString;
        builder.Services.AddSingleton(new DevHostStorage(localAzurite));
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        // ASP.NET Core's own request lines would print URLs with their tokens; ours below masks them.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);

        var catalog = FunctionCatalog.Discover(FunctionsAssembly);
        var settings = HostSettings.Load(options.HostJsonPath ?? Path.Combine(repositoryRoot, "host.json"));
        // Before AddVisitPlanner, which would otherwise read the host.json in the app's output folder.
        builder.Services.AddSingleton(settings);
        builder.Services.AddVisitPlanner(builder.Configuration);
        options.ConfigureServices?.Invoke(builder.Services);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TimerRunner>();
        if (options.RunTimers) builder.Services.AddHostedService(sp => sp.GetRequiredService<TimerRunner>());

        var app = builder.Build();
        var requests = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("VisitPlanner.DevHost.Requests");
        var keys = FunctionKeys.From(app.Configuration);
        app.Use(async (context, next) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await next();
            requests.LogInformation("{Method} {Url} {Status} {Elapsed:0.0} ms", context.Request.Method, LogRedaction.PathAndQuery(context.Request, keys.Secrets),
                context.Response.StatusCode, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });
        app.UseStatusCodePages(async context =>
        {
            // Unmatched routes and methods answer in the same problem+json shape as the functions.
            var status = context.HttpContext.Response.StatusCode;
            var problem = new Problem(status, status == 405 ? "Method not allowed" : "Not found",
                status == 405 ? $"{context.HttpContext.Request.Method} is not allowed here." : "No function answers at this path.", []);
            await new ProblemResult(problem).ExecuteResultAsync(new Microsoft.AspNetCore.Mvc.ActionContext(context.HttpContext, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        });
        foreach (var function in catalog.Http)
        {
            var template = settings.Template(function.Route);
            FunctionInvoker.EnsureBindable(function.Method, RoutePatternFactory.Parse(template).Parameters.Select(p => p.Name).ToArray());
            app.MapMethods("/" + template, function.Methods, async context =>
                {
                    if (function.AuthLevel != Microsoft.Azure.Functions.Worker.AuthorizationLevel.Anonymous && !keys.Admits(context.Request))
                    {
                        await FunctionKeys.RefuseAsync(context);
                        return;
                    }
                    await FunctionInvoker.InvokeHttpAsync(function, context);
                })
                .WithName(function.Name)
                .WithMetadata(function);
        }
        foreach (var timer in catalog.Timers) TimerSchedule.Parse(timer.Schedule);
        // The Functions host's admin API runs a non-HTTP function on demand: POST /admin/functions/{name}.
        app.MapPost("/admin/functions/{name}", async (HttpContext context, string name, TimerRunner runner, CancellationToken cancellationToken) =>
        {
            if (!keys.Admits(context.Request))
            {
                await FunctionKeys.RefuseAsync(context);
                return Results.Empty;
            }
            var timer = catalog.Timers.FirstOrDefault(t => t.Name == name);
            if (timer is null) return Results.NotFound();
            var succeeded = await runner.RunOnceAsync(timer, null, TimerSchedule.Parse(timer.Schedule), cancellationToken);
            return succeeded ? Results.Accepted() : Results.StatusCode(500);
        });
        return app;
    }

    /// <summary>The address the host listens on, once started (resolves port 0).</summary>
    public static Uri BaseAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Values from src/VisitPlanner.Functions/local.settings.json, as `func start` applies them ("A__B" becomes "A:B"), below environment variables.</summary>
    private static Dictionary<string, string?> LocalSettings(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, "src", "VisitPlanner.Functions", "local.settings.json");
        var values = new Dictionary<string, string?>();
        if (!File.Exists(path)) return values;
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        if (json.RootElement.TryGetProperty("Values", out var settings) && settings.ValueKind == JsonValueKind.Object)
        {
            foreach (var setting in settings.EnumerateObject()) values[setting.Name.Replace("__", ":")] = setting.Value.ToString();
        }
        return values;
    }
}
