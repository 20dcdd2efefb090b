using System.Diagnostics;

namespace VisitPlanner.Testing;

/// <summary>
/// A Debian package (or two that only work together) a feed consumer needs, and a command that succeeds only when it
/// is installed. <c>.ci/run</c> installs every one of them.
/// </summary>
public sealed class DebianPackage
{
    private readonly Lazy<bool> _available;

    public DebianPackage(string packages, string program, string arguments)
    {
        Packages = packages;
        _available = new Lazy<bool>(() => Probe(program, arguments));
    }

    /// <summary>What to apt-get install, space-separated.</summary>
    public string Packages { get; }

    public bool IsAvailable => _available.Value;

    public override string ToString() => Packages;

    private static bool Probe(string program, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>
/// The Debian packages behind the feed consumers and zone probes. On a developer machine without one, the tests that
/// need it are reported as skipped with the install command, never silently passed; under CI (CI=true) they always run,
/// so a missing package fails the build.
/// </summary>
public static class DebianPackages
{
    public const string Python = "/usr/bin/python3";

    public static readonly DebianPackage PythonIcalendar = new("python3-icalendar", Python, "-c \"import icalendar\"");
    public static readonly DebianPackage Vobject = new("python3-vobject", Python, "-c \"import vobject\"");
    public static readonly DebianPackage RecurringIcalEvents = new("python3-recurring-ical-events", Python, "-c \"import recurring_ical_events\"");
    public static readonly DebianPackage Libical = new("python3-gi gir1.2-ical-3.0", Python,
        "-c \"import gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib\"");
    public static readonly DebianPackage Khal = new("khal", "khal", "--version");
    public static readonly DebianPackage Vdirsyncer = new("vdirsyncer", "vdirsyncer", "--version");

    public static readonly IReadOnlyList<DebianPackage> All = [PythonIcalendar, Vobject, RecurringIcalEvents, Libical, Khal, Vdirsyncer];

    public static bool IsCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>Null when every package is installed, or under CI; else what to install, for a test's skip reason.</summary>
    public static string? SkipReason(IEnumerable<DebianPackage> packages)
    {
        if (IsCi) return null;
        var missing = packages.Where(p => !p.IsAvailable).Select(p => p.Packages).ToList();
        if (missing.Count == 0) return null;
        var names = string.Join(" ", missing);
        return $"{names} {(missing.Count == 1 && !names.Contains(' ') ? "is" : "are")} not installed (sudo apt-get install {names}); CI installs {(missing.Count == 1 && !names.Contains(' ') ? "it" : "them")} and always runs this test.";
    }
}
