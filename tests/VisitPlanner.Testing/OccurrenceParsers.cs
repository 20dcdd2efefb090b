using System.Reflection;
using System.Text.Json;
using VisitPlanner.DevTools.Azurite;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace VisitPlanner.Testing;

/// <summary>
/// One occurrence of an event as a consumer that expands recurrences shows it. Start/End: UTC
/// "yyyy-MM-ddTHH:mm:ss.000Z" for timed occurrences, "yyyy-MM-dd" for all-day ones (End exclusive).
/// RecurrenceId: the instance's original start in the same form (for an override, its RECURRENCE-ID), null for an
/// event that does not recur. Summary and Status are the master's, or the override's where one replaced the instance.
/// </summary>
public sealed record ParsedOccurrence(string Uid, string? RecurrenceId, string Start, string End, string? Summary, string? Status, bool AllDay);

/// <summary>
/// Feeds expanded into occurrences by three consumers that share no code with Ical.Net or with each other, each a
/// script in tests/tools printing the same JSON, sorted by start then UID, between 1900 and 2200 and at most 5,000
/// occurrences a series:
/// <list type="bullet">
/// <item>ical.js (Thunderbird's engine), ical-js-occurrences.mjs: ICAL.Event with its overrides related, its iterator and
/// getOccurrenceDetails; zones from the feed's VTIMEZONEs.</item>
/// <item>libical 3 (Evolution's engine) through GObject introspection, libical_occurrences.py: icalcomponent_foreach_recurrence,
/// with overrides substituted and RDATE;TZID resolved as evolution-data-server does (libical itself does neither); zones
/// from the feed's VTIMEZONEs.</item>
/// <item>Debian's python3-recurring-ical-events, recurring_ical_events_occurrences.py: <c>of(calendar).between(…)</c>,
/// which applies RDATE, EXDATE and RECURRENCE-ID itself; zones from pytz's tz database.</item>
/// </list>
/// They differ where the feed is ambiguous or says two things at once; the scripts' headers and OccurrenceParsersTests
/// pin down how: a STATUS:CANCELLED override is shown (cancelled) by all three; an override of an EXDATE'd instance is
/// hidden by ical.js and shown by the other two; recurring-ical-events matches an override to an instance by the local
/// date its RECURRENCE-ID is written in; ical.js shows an RDATE on a date the RRULE makes twice.
/// </summary>
public static class OccurrenceParsers
{
    public const string IcalJs = FeedParsers.IcalJs;
    public const string Libical = FeedParsers.Libical;
    public const string RecurringIcalEvents = FeedParsers.RecurringIcalEvents;

    private sealed record Consumer(string Name, bool Node, string Script, IReadOnlyList<DebianPackage> Packages, ZoneSource Zones);

    private sealed record Output(IReadOnlyList<ParsedOccurrence> Occurrences);

    private static readonly IReadOnlyDictionary<string, Consumer> Consumers = new Consumer[]
    {
        new(IcalJs, true, "ical-js-occurrences.mjs", [], ZoneSource.FeedVTimezone),
        new(Libical, false, "libical_occurrences.py", [DebianPackages.Libical], ZoneSource.FeedVTimezone),
        new(RecurringIcalEvents, false, "recurring_ical_events_occurrences.py", [DebianPackages.RecurringIcalEvents], ZoneSource.TzDatabase),
    }.ToDictionary(c => c.Name);

    /// <summary>Every consumer that expands occurrences, for theories over all of them (<see cref="OccurrenceConsumerDataAttribute"/>).</summary>
    public static readonly IReadOnlyList<string> All = [IcalJs, Libical, RecurringIcalEvents];

    /// <summary>Where the consumer takes a TZID's meaning from: the feed's VTIMEZONE or its own tz database.</summary>
    public static ZoneSource Zones(string consumer) => Find(consumer).Zones;

    /// <summary>The Debian packages a consumer needs (none for ical.js, which tests install from package-lock.json).</summary>
    public static IReadOnlyList<DebianPackage> Packages(string consumer) => Find(consumer).Packages;

    /// <summary>Why a test with this consumer is skipped here (see <see cref="DebianPackages"/>), or null.</summary>
    public static string? SkipReason(string consumer) => DebianPackages.SkipReason(Find(consumer).Packages);

    /// <summary>Every occurrence of every VEVENT in <paramref name="ics"/> as <paramref name="consumer"/> expands them.</summary>
    public static IReadOnlyList<ParsedOccurrence> Expand(string consumer, string ics)
    {
        var found = Find(consumer);
        var root = RepositoryRoot.Find();
        if (found.Node) NodeTools.EnsureInstalled(root);
        else if (string.Join(" ", found.Packages.Where(p => !p.IsAvailable).Select(p => p.Packages)) is { Length: > 0 } missing)
            throw new InvalidOperationException($"{consumer} needs {missing}: sudo apt-get install {missing}");
        var script = $"\"{Path.Combine(root, "tests", "tools", found.Script)}\"";
        string output;
        try
        {
            output = found.Node ? ToolProcess.Run("node", script, ics, root) : ToolProcess.Run(DebianPackages.Python, script, ics, root);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{consumer} could not expand the feed: {e.Message}", e);
        }
        return JsonSerializer.Deserialize<Output>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Occurrences;
    }

    private static Consumer Find(string consumer) =>
        Consumers.TryGetValue(consumer, out var found) ? found : throw new ArgumentOutOfRangeException(nameof(consumer), consumer, "not a consumer that expands occurrences");
}

/// <summary>
/// A theory whose rows start with the name of a consumer that expands occurrences (<see cref="OccurrenceParsers.All"/>):
/// a row whose consumer is not installed here is reported as skipped with the apt-get command, the other rows run; under
/// CI=true every row runs. The counterpart of <see cref="FeedConsumerTheoryAttribute"/>:
/// <code>[OccurrenceConsumerTheory, OccurrenceConsumerData] public void X(string consumer)</code>
/// <code>[OccurrenceConsumerTheory, OccurrenceConsumerData(OccurrenceParsers.IcalJs)] public void Y(string consumer)</code>
/// </summary>
[XunitTestCaseDiscoverer("VisitPlanner.Testing.OccurrenceConsumerTheoryDiscoverer", "VisitPlanner.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class OccurrenceConsumerTheoryAttribute : TheoryAttribute;

/// <summary>Rows of consumer names: every consumer that expands occurrences, or the ones given.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OccurrenceConsumerDataAttribute : DataAttribute
{
    public OccurrenceConsumerDataAttribute(params string[] consumers)
    {
        foreach (var consumer in consumers)
        {
            if (!OccurrenceParsers.All.Contains(consumer)) throw new ArgumentOutOfRangeException(nameof(consumers), consumer, "not a consumer that expands occurrences");
        }
        Consumers = consumers.Length == 0 ? OccurrenceParsers.All : consumers;
    }

    public IReadOnlyList<string> Consumers { get; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => Consumers.Select(c => new object[] { c });
}

/// <summary>Creates a skipped test case for each row whose first value names a consumer that is not installed.</summary>
public sealed class OccurrenceConsumerTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        dataRow is [string consumer, ..] && OccurrenceParsers.All.Contains(consumer) && OccurrenceParsers.SkipReason(consumer) is { } reason
            ? CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, reason)
            : base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
}
