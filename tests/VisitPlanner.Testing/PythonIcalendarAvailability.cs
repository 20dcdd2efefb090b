namespace VisitPlanner.Testing;

/// <summary>
/// Whether Debian's python3-icalendar can be imported by /usr/bin/python3 (<see cref="DebianPackages.PythonIcalendar"/>).
/// `.ci/run` installs it; on a developer machine without it, tests that need it are reported as skipped with the
/// install command, never silently passed. Under CI (CI=true) they always run, so a missing package fails the build.
/// </summary>
public static class PythonIcalendarAvailability
{
    public const string Python = DebianPackages.Python;

    public static bool IsAvailable => DebianPackages.PythonIcalendar.IsAvailable;

    public static string? SkipReason => DebianPackages.SkipReason([DebianPackages.PythonIcalendar]);
}

/// <summary>
/// The python3-icalendar row of a parser theory: <c>[Theory, InlineData(FeedParsers.IcalJs), PythonIcalendarData]</c>.
/// Reported as skipped, with the install command, only outside CI on a machine without the package.
/// For a theory over every consumer, see <see cref="FeedConsumerTheoryAttribute"/>.
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
