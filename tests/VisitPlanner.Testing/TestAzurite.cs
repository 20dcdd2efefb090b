using VisitPlanner.DevTools.Azurite;

namespace VisitPlanner.Testing;

/// <summary>
/// One real Azurite Table service per test process (in memory, on a free port), started on first use and
/// stopped when the process exits. Tests isolate themselves with their own table prefix, not their own server.
/// </summary>
public static class TestAzurite
{
    private static readonly Lazy<Task<AzuriteServer>> Server = new(StartAsync);

    public static Task<AzuriteServer> GetAsync() => Server.Value;

    /// <summary>A fresh table prefix: letters only, as table names require.</summary>
    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..12].Replace('0', 'a').Replace('1', 'b').Replace('2', 'c').Replace('3', 'd').Replace('4', 'e').Replace('5', 'f').Replace('6', 'g').Replace('7', 'h').Replace('8', 'i').Replace('9', 'j');

    private static async Task<AzuriteServer> StartAsync()
    {
        var server = await AzuriteServer.StartAsync(RepositoryRoot.Find());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
