using VisitPlanner.DevHost;
using VisitPlanner.DevTools.Azurite;
using VisitPlanner.DevHost.Functions;
using VisitPlanner.Functions.Http;
using VisitPlanner.Storage.Tables;

// dotnet run --project src/VisitPlanner.DevHost [--port N]
var port = 7071;
var rest = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--port" && i + 1 < args.Length && int.TryParse(args[i + 1], out var chosen) && chosen is > 0 and < 65536)
    {
        port = chosen;
        i++;
    }
    else if (args[i] == "--port")
    {
        Console.Error.WriteLine("--port needs a number from 1 to 65535.");
        return 2;
    }
    else rest.Add(args[i]);
}

var root = RepositoryRoot.Find();
var app = DevHostApp.Build(new DevHostOptions { Port = port, Args = rest.ToArray() }, root);
// Ctrl+C and SIGTERM stop the host gracefully (ASP.NET Core's console lifetime); Azurite is then stopped with SIGINT
// and waited for, so every write the host acknowledged is on disk before the program exits.
await using (var azurite = await StartAzuriteIfNeededAsync(app.Services.GetRequiredService<DevHostStorage>(), app.Services.GetRequiredService<StorageOptions>().ConnectionString))
{
    await app.StartAsync();
    PrintRoutes(app, port);
    await app.WaitForShutdownAsync();
    await app.DisposeAsync();
    if (azurite is not null) Console.WriteLine($"Stopping Azurite: writing its data to {azurite.Location} ...");
}
Console.WriteLine("Stopped.");
return 0;

// Development storage means the Azurite this host runs (docs: LocalAzurite): start it, with its data on disk, unless
// something already answers on its port. Any other account is used as configured.
static async Task<RunningAzurite?> StartAzuriteIfNeededAsync(DevHostStorage storage, string connectionString)
{
    if (storage.Azurite is not { } local)
    {
        Console.WriteLine($"Storage: {TableEndpoint(connectionString)} (as configured)");
        return null;
    }
    if (await AzuriteServer.IsListeningAsync(local.Port))
    {
        Console.WriteLine($"Storage: Azurite already answering at http://127.0.0.1:{local.Port}");
        return null;
    }
    Console.WriteLine($"Storage: starting Azurite's Table service at http://127.0.0.1:{local.Port} (data in {local.Location}) ...");
    return new RunningAzurite(await AzuriteServer.StartAsync(RepositoryRoot.Find(), local.Location, local.Port), local.Location);
}

// Only the endpoint: a connection string carries the account key.
static string TableEndpoint(string connectionString) =>
    connectionString.Split(';').FirstOrDefault(p => p.StartsWith("TableEndpoint=", StringComparison.OrdinalIgnoreCase))?["TableEndpoint=".Length..]
    ?? connectionString.Split(';').FirstOrDefault(p => p.StartsWith("AccountName=", StringComparison.OrdinalIgnoreCase))
    ?? "a configured account";

static void PrintRoutes(WebApplication app, int port)
{
    var catalog = app.Services.GetRequiredService<FunctionCatalog>();
    var host = app.Services.GetRequiredService<HostSettings>();
    var baseUrl = $"http://localhost:{port}";
    Console.WriteLine();
    Console.WriteLine($"VisitPlanner dev host: the same function classes Azure runs, at {baseUrl}");
    var keys = FunctionKeys.From(app.Configuration);
    Console.WriteLine(keys.Enforced
        ? "HTTP functions (function keys enforced: send x-functions-key or ?code= to non-anonymous ones):"
        : $"HTTP functions (function keys not enforced, as with `func start`; set {FunctionKeys.Setting.Replace(":", "__")} to enforce):");
    foreach (var function in catalog.Http.OrderBy(f => f.Route, StringComparer.Ordinal))
    {
        Console.WriteLine($"  {string.Join(",", function.Methods),-9} {baseUrl}/{host.Template(function.Route),-45} {function.Name} [{function.AuthLevel}]");
    }
    Console.WriteLine("Timer functions (UTC):");
    foreach (var timer in catalog.Timers)
    {
        var next = TimerSchedule.Parse(timer.Schedule).NextAfter(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        Console.WriteLine($"  {timer.Name}  \"{timer.Schedule}\"  next {next:yyyy-MM-dd HH:mm:ss}Z   run now: curl -X POST {baseUrl}/admin/functions/{timer.Name}");
    }
    Console.WriteLine("Press Ctrl+C to stop.");
}

/// <summary>An Azurite this program started, and so stops.</summary>
internal sealed record RunningAzurite(AzuriteServer Server, string Location) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
