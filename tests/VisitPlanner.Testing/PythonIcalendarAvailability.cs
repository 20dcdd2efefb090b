using System.Diagnostics;

namespace VisitPlanner.Testing;

/// <summary>
/// Whether Debian's python3-icalendar can be imported by /usr/bin/python3. `.ci/run` installs it; on a
/// developer machine without it, tests that need it are reported as skipped with the install command, never
/// silently passed. Under CI (CI=true) they always run, so a missing package fails the build.
/// </summary>
public static class PythonIcalendarAvailability
{
    public const string Python = "/usr/bin/python3";

    public static readonly bool IsAvailable = Probe();

    public static string? SkipReason =>
        IsAvailable || Environment.GetEnvironmentVariable("CI") == "true"
            ? null
            : "python3-icalendar is not installed (sudo apt-get install python3-icalendar); CI installs it and always runs this test.";

    private static bool Probe()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Python, "-c \"import icalendar\"") { RedirectStandardError = true, UseShellExecute = false })!;
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
/// The python3-icalendar row of a parser theory: <c>[Theory, InlineData(FeedParsers.IcalJs), PythonIcalendarData]</c>.
/// Reported as skipped, with the install command, only outside CI on a machine without the package.
/// </summary>
public sealed class PythonIcalendarDataAttribute : Xunit.Sdk.DataAttribute
{
    public override string? Skip
    {
        get => PythonIcalendarAvailability.SkipReason;
        set { }
    }

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [[FeedParsers.PythonIcalendar]];
}
