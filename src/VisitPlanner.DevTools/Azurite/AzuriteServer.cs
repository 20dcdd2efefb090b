using System.Diagnostics;
using System.Net.Sockets;
using System.Net;

namespace VisitPlanner.DevTools.Azurite;

/// <summary>
/// A real Azurite Table service in a child process: persistent under a folder for the dev host, in memory
/// on a free port for tests. Stopped (with its process tree) on dispose.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key (public, not a secret).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const int DefaultTablePort = 10002;

    private readonly Process _process;

    private AzuriteServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => ConnectionStringFor(Port);

    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    /// <summary>Starts Azurite's Table service. <paramref name="dataFolder"/> null keeps data in memory; <paramref name="port"/> 0 picks a free port.</summary>
    public static async Task<AzuriteServer> StartAsync(string repositoryRoot, string? dataFolder = null, int port = 0)
    {
        NodeTools.EnsureInstalled(repositoryRoot);
        port = port == 0 ? FreePort() : port;
        var persistence = dataFolder is null ? "--inMemoryPersistence" : $"--location \"{Directory.CreateDirectory(dataFolder).FullName}\"";
        var process = NodeTools.StartNode(repositoryRoot, "azurite/dist/src/table/main.js",
            $"--tableHost 127.0.0.1 --tablePort {port} {persistence} --silent --skipApiVersionCheck --disableTelemetry");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var server = new AzuriteServer(process, port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await IsListeningAsync(port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"Azurite did not start on port {port}: {errors}");
            }
            await Task.Delay(100);
        }
        return server;
    }

    public static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>How long a graceful stop may take before Azurite is killed.</summary>
    public static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Stops Azurite gracefully and waits for it: Azurite keeps data in memory and writes it to disk every few seconds,
    /// and only SIGINT makes it write what is left before it exits (SIGTERM and SIGKILL lose the last seconds of writes).
    /// Where SIGINT cannot be sent (Windows) or Azurite does not exit within <see cref="StopLimit"/>, it is killed.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited && Interrupt(_process.Id))
            {
                using var limit = new CancellationTokenSource(StopLimit);
                try
                {
                    await _process.WaitForExitAsync(limit.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>Sends SIGINT, as Ctrl+C in its terminal would; false where there is no such signal.</summary>
    private static bool Interrupt(int processId) =>
        (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()) && Native.kill(processId, Native.SIGINT) == 0;

    private static class Native
    {
        public const int SIGINT = 2;

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        public static extern int kill(int pid, int sig);
    }
}
