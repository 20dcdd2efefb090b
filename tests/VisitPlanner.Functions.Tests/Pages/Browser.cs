using System.Diagnostics;
using Microsoft.Playwright;
using VisitPlanner.DevTools.Azurite;

namespace VisitPlanner.Functions.Tests.Pages;

/// <summary>
/// Headless Chromium for tests, as an xunit class fixture (<c>IClassFixture&lt;Browser&gt;</c>): one Playwright
/// driver and one browser per test class, a fresh context for each page from <see cref="NewPageAsync"/>.
/// <para>
/// The browser is Debian's (<c>apt-get install chromium</c>), never a Playwright download: the launch passes
/// <c>ExecutablePath</c> = <see cref="ExecutablePath"/> (<c>/usr/bin/chromium</c>, or the <c>VISITPLANNER_CHROMIUM</c>
/// environment variable), and with an explicit executable Playwright neither looks in its browser cache
/// (<c>~/.cache/ms-playwright</c>) nor checks the version in its <c>browsers.json</c>. So nothing needs
/// <c>playwright install</c> (never run it: browsers cannot be downloaded here) and no environment variable is needed.
/// </para>
/// <para>
/// The driver ships inside the Microsoft.Playwright NuGet package: its build targets copy
/// <c>.playwright/node/linux-x64/node</c> (Node itself) and <c>.playwright/package</c> (the Playwright server's
/// JavaScript) into every build output that references this project, and <c>Playwright.CreateAsync()</c> runs
/// <c>.playwright/node/linux-x64/node .playwright/package/cli.js run-driver</c> from <c>AppContext.BaseDirectory</c>.
/// It needs neither a system Node nor the npm registry (PLAYWRIGHT_DRIVER_SEARCH_PATH and PLAYWRIGHT_NODEJS_PATH
/// would override where it looks; nothing here sets them).
/// </para>
/// <para>
/// <see cref="Arguments"/> keeps Chromium off the network by itself (no sync, component updates or other background
/// connections, no QUIC) and without GPU or sandbox, which a root CI run needs. Playwright 1.64 already passes most
/// of these by default; they are repeated so the launch does not depend on those defaults. Chromium's stderr (seen
/// only with <c>DEBUG=pw:browser</c>) still shows harmless D-Bus "Failed to connect to the bus" lines and, from
/// Debian's <c>/usr/bin/chromium</c> wrapper script, "[: …: unexpected operator" (its /dev/shm size check).
/// Starting the driver and launching takes about 1.5 s on a 2-core machine.
/// </para>
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string DefaultExecutablePath = "/usr/bin/chromium";

    public const string ExecutablePathVariable = "VISITPLANNER_CHROMIUM";

    public static readonly IReadOnlyList<string> Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(ExecutablePathVariable) is { Length: > 0 } path ? path : DefaultExecutablePath;

    /// <summary>How long starting the driver and launching Chromium took (informational).</summary>
    public TimeSpan LaunchTime { get; private set; }

    public IBrowser Instance => _browser ?? throw new InvalidOperationException("The browser is not launched yet.");

    /// <summary>
    /// Why browser tests are skipped, or null when they run: they run wherever Chromium is installed, and always
    /// under CI (CI=true), where a missing Chromium fails them. A fresh machine with only the .NET SDK and Node.js
    /// reports them as skipped with the install command, like the python3-icalendar rows.
    /// </summary>
    public static string? SkipReason =>
        File.Exists(ExecutablePath) || Environment.GetEnvironmentVariable("CI") == "true"
            ? null
            : $"Chromium is not at {ExecutablePath} (sudo apt-get install chromium, or set {ExecutablePathVariable}); CI installs it and always runs this test.";

    public async Task InitializeAsync()
    {
        if (SkipReason is not null) return;
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {ExecutablePath} (apt-get install chromium, or set {ExecutablePathVariable} to its path).");
        }

        var stopwatch = Stopwatch.StartNew();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
        LaunchTime = stopwatch.Elapsed;
    }

    /// <summary>A page in a context of its own, recording console errors and uncaught page errors.</summary>
    public async Task<BrowserPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Instance.NewContextAsync(options);
        var page = await context.NewPageAsync();
        return new BrowserPage(context, page);
    }

    /// <summary>
    /// Where page tests keep what a person would look at: <c>artifacts/pages/</c> under the repository root (git
    /// ignores it; the folder is created). Files are named by test and viewport, e.g. <c>event-page-large-390.png</c>.
    /// </summary>
    public static string ArtifactPath(string name, string extension)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '_' : c).ToArray());
        var folder = Path.Combine(RepositoryRoot.Find(), "artifacts", "pages");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, safe + extension);
    }

    /// <summary>Saves a full-page screenshot to <c>artifacts/pages/&lt;name&gt;.png</c> and returns its path.</summary>
    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        var path = ArtifactPath(name, ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}

/// <summary>
/// A page from <see cref="Browser.NewPageAsync"/>: every console message of type <c>error</c> and every uncaught
/// exception (<c>pageerror</c>) goes into <see cref="Errors"/>, for a test to assert empty.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    internal BrowserPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") Record($"console.error: {message.Text} (at {message.Location})");
        };
        page.PageError += (_, error) => Record($"pageerror: {error}");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>The errors recorded so far (a copy). Use <see cref="ErrorsAsync"/> right after the page did something.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors) return _errors.ToArray();
        }
    }

    /// <summary>
    /// The errors after a round trip through the page: events the page sent before this call have arrived, so
    /// an error from a script that already ran is not missed by asserting too early.
    /// </summary>
    public async Task<IReadOnlyList<string>> ErrorsAsync()
    {
        await Page.EvaluateAsync("() => 0");
        return Errors;
    }

    /// <summary>Asserts that the page logged no console error and threw no uncaught exception.</summary>
    public async Task AssertNoErrorsAsync()
    {
        var errors = await ErrorsAsync();
        Assert.True(errors.Count == 0, "The page reported errors:\n" + string.Join("\n", errors));
    }

    /// <summary>Saves a full-page screenshot to <c>artifacts/pages/&lt;name&gt;.png</c> and returns its path.</summary>
    public Task<string> SaveScreenshotAsync(string name) => Browser.SaveScreenshotAsync(Page, name);

    /// <summary>Saves what the viewport shows (the first screen, unscrolled) to <c>artifacts/pages/&lt;name&gt;.png</c>.</summary>
    public async Task<string> SaveFirstScreenAsync(string name)
    {
        var path = Browser.ArtifactPath(name, ".png");
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        return path;
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private void Record(string error)
    {
        lock (_errors) _errors.Add(error);
    }
}

/// <summary>A test that drives Chromium: skipped, with the install command, only outside CI on a machine without it.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = Browser.SkipReason;
}

/// <summary><see cref="ChromiumFactAttribute"/> for a test run once per row (a viewport width, say).</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute() => Skip = Browser.SkipReason;
}
