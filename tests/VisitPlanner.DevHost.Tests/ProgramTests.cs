using System.Diagnostics;
using System.Net;
using System.Text;
using VisitPlanner.DevTools.Azurite;
using VisitPlanner.Testing.Hosting;
using VisitPlanner.Testing;

namespace VisitPlanner.DevHost.Tests;

/// <summary>
/// The dev host as a user runs it: its build output started as a child process (`dotnet VisitPlanner.DevHost.dll`)
/// from the repository root, storage pointed at the test Azurite through the environment.
/// </summary>
public sealed class ProgramTests
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_program_serves_the_functions_and_prints_its_routes()
    {
        var azurite = await TestAzurite.GetAsync();
        var port = AzuriteServer.FreePort();
        await using var program = DevHostProcess.Start(["--port", port.ToString()], new Dictionary<string, string>
        {
            ["VisitPlanner__Storage__ConnectionString"] = azurite.ConnectionString,
            ["VisitPlanner__Storage__TablePrefix"] = TestAzurite.NewTablePrefix(),
        });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

        await program.WaitUntilAnsweringAsync(client, "/api/calendars/x");

        using var missing = await client.GetAsync("/api/calendars/no-such-calendar");
        Assert.True(HttpStatusCode.NotFound == missing.StatusCode, $"GET an unknown calendar: {(int)missing.StatusCode}{Environment.NewLine}{program.Output}");
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        using var put = await client.PutAsync("/api/calendars/devhost-smoke", TestHost.Json("""{"name":"Smoke"}"""));
        Assert.True(HttpStatusCode.Created == put.StatusCode,
            $"PUT /api/calendars/devhost-smoke: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}{Environment.NewLine}{program.Output}");

        using var get = await client.GetAsync("/api/calendars/devhost-smoke");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("\"Smoke\"", await get.Content.ReadAsStringAsync());

        var output = await program.WaitForOutputAsync("Press Ctrl+C to stop.");
        Assert.Contains($"http://localhost:{port}/api/calendars/{{calendarId}}/feed.ics", output);
        Assert.Contains("CompleteEndedEvents", output);
        Assert.Contains($"curl -X POST http://localhost:{port}/admin/functions/CompleteEndedEvents", output);
        Assert.Contains($"Storage: http://127.0.0.1:{azurite.Port}/devstoreaccount1 (as configured)", output);
        Assert.DoesNotContain(VisitPlanner.DevTools.Azurite.AzuriteServer.DevelopmentAccountKey, output);
    }

    /// <summary>
    /// Azurite writes its data to disk every few seconds: stopping the dev host right after writes must still keep them.
    /// 20 events are posted and acknowledged, the host is stopped at once (well inside Azurite's save interval) with the
    /// signal a terminal (SIGINT, Ctrl+C) or a service manager (SIGTERM) sends, and a new host over the same folder
    /// must read every one of them back.
    /// </summary>
    [Theory]
    [InlineData(Signals.SIGTERM)]
    [InlineData(Signals.SIGINT)]
    public async Task Acknowledged_writes_survive_stopping_and_restarting_the_dev_host(int signal)
    {
        var folder = Directory.CreateTempSubdirectory("visitplanner-azurite-").FullName;
        var azuritePort = AzuriteServer.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["VisitPlanner__DevHost__AzuritePort"] = azuritePort.ToString(),
            ["VisitPlanner__DevHost__AzuriteLocation"] = folder,
        };
        var locations = new List<string>();
        var port = AzuriteServer.FreePort();
        await using (var first = DevHostProcess.Start(["--port", port.ToString()], environment))
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await first.WaitUntilAnsweringAsync(client, "/api/calendars/x");
            Assert.Contains($"data in {folder}", await first.WaitForOutputAsync("Press Ctrl+C to stop."));
            using var calendar = await client.PutAsync("/api/calendars/restart", TestHost.Json("""{"name":"寿阳经开区 外出考察","visibility":"public"}"""));
            Assert.Equal(HttpStatusCode.Created, calendar.StatusCode);
            for (var i = 0; i < 20; i++)
            {
                using var posted = await client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(n => n["title"] = $"考察 {i}", "restart")));
                Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
                locations.Add(posted.Headers.Location!.ToString());
            }

            first.Signal(signal);

            Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromSeconds(40)));
            Assert.Contains("Stopped.", first.Output);
        }
        Assert.False(await AzuriteServer.IsListeningAsync(azuritePort), "Azurite outlived the dev host that started it");

        var port2 = AzuriteServer.FreePort();
        await using var second = DevHostProcess.Start(["--port", port2.ToString()], environment);
        using var client2 = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port2}"), Timeout = TimeSpan.FromSeconds(30) };
        await second.WaitUntilAnsweringAsync(client2, "/api/calendars/x");
        var missing = new List<string>();
        foreach (var location in locations)
        {
            using var read = await client2.GetAsync(location);
            if (read.StatusCode != HttpStatusCode.OK) missing.Add($"{location}: {(int)read.StatusCode}");
        }
        Assert.True(missing.Count == 0, $"{missing.Count} of 20 acknowledged events were lost: {string.Join(", ", missing)}{Environment.NewLine}{second.Output}");
        var listing = await client2.GetStringAsync("/api/events?calendar=restart&pageSize=200");
        Assert.Equal(20, System.Text.Json.JsonDocument.Parse(listing).RootElement.GetProperty("events").GetArrayLength());
    }

    [Theory]
    [InlineData("--port", "abc")]
    [InlineData("--port", "0")]
    [InlineData("--port", "65536")]
    [InlineData("--port")]
    public async Task A_bad_port_exits_with_code_2(params string[] args)
    {
        await using var program = DevHostProcess.Start(args, new Dictionary<string, string>());

        var exitCode = await program.WaitForExitAsync(StartupLimit);

        Assert.True(exitCode == 2, $"exit code {exitCode}{Environment.NewLine}{program.Output}");
        Assert.Contains("--port needs a number from 1 to 65535.", program.Errors);
    }

    /// <summary>The dev host's build output (copied next to this test assembly as a project reference) in a child process.</summary>
    private sealed class DevHostProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _errors = new();

        private DevHostProcess(Process process)
        {
            _process = process;
        }

        public string Output
        {
            get
            {
                lock (_output) lock (_errors) return $"stdout:{Environment.NewLine}{_output}stderr:{Environment.NewLine}{_errors}";
            }
        }

        public string Errors
        {
            get { lock (_errors) return _errors.ToString(); }
        }

        public static DevHostProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "VisitPlanner.DevHost.dll");
            Assert.True(File.Exists(dll), $"The dev host's build output is missing at '{dll}'.");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
            {
                WorkingDirectory = RepositoryRoot.Find(),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            foreach (var arg in args) start.ArgumentList.Add(arg);
            foreach (var (name, value) in environment) start.Environment[name] = value;

            var process = new Process { StartInfo = start };
            var program = new DevHostProcess(process);
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (program._output) program._output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (program._errors) program._errors.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return program;
        }

        /// <summary>Polls until <paramref name="path"/> gets any HTTP answer; fails if the program exits or does not answer in time.</summary>
        public async Task WaitUntilAnsweringAsync(HttpClient client, string path)
        {
            var deadline = DateTime.UtcNow + StartupLimit;
            while (true)
            {
                Assert.False(_process.HasExited, $"The dev host exited ({ExitCode()}) before answering.{Environment.NewLine}{Output}");
                try
                {
                    using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    using var response = await client.GetAsync(path, attempt.Token);
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    Assert.True(DateTime.UtcNow < deadline, $"The dev host did not answer GET {path} within {StartupLimit.TotalSeconds} s.{Environment.NewLine}{Output}");
                    await Task.Delay(200);
                }
            }
        }

        /// <summary>Waits until stdout contains <paramref name="text"/>; returns all of stdout.</summary>
        public async Task<string> WaitForOutputAsync(string text)
        {
            var deadline = DateTime.UtcNow + StartupLimit;
            while (true)
            {
                lock (_output)
                {
                    if (_output.ToString().Contains(text, StringComparison.Ordinal)) return _output.ToString();
                }
                Assert.False(_process.HasExited, $"The dev host exited ({ExitCode()}) before printing '{text}'.{Environment.NewLine}{Output}");
                Assert.True(DateTime.UtcNow < deadline, $"The dev host did not print '{text}' within {StartupLimit.TotalSeconds} s.{Environment.NewLine}{Output}");
                await Task.Delay(100);
            }
        }

        public async Task<int> WaitForExitAsync(TimeSpan limit)
        {
            using var timeout = new CancellationTokenSource(limit);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The dev host did not exit within {limit.TotalSeconds} s.{Environment.NewLine}{Output}");
            }
            return _process.ExitCode;
        }

        /// <summary>Sends a POSIX signal to the dev host, as a terminal or a service manager would.</summary>
        public void Signal(int signal) => Assert.Equal(0, Signals.kill(_process.Id, signal));

        private string ExitCode() => _process.HasExited ? $"code {_process.ExitCode}" : "still running";

        public async ValueTask DisposeAsync()
        {
            try
            {
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
    }
}

/// <summary>POSIX signals, sent with libc's kill(2).</summary>
internal static class Signals
{
    public const int SIGINT = 2;
    public const int SIGTERM = 15;

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    public static extern int kill(int pid, int sig);
}
