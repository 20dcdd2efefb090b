using System.Reflection;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace VisitPlanner.Testing;

/// <summary>
/// A theory whose rows start with a feed consumer's name (<see cref="FeedParsers.All"/>): a row whose consumer is not
/// installed here is reported as skipped with the apt-get command, the other rows run; under CI=true every row runs.
/// xunit 2 only skips whole data attributes, so the per-row skip is done by this theory's discoverer:
/// <code>[FeedConsumerTheory, FeedConsumerData] public void X(string consumer)</code>
/// <code>[FeedConsumerTheory, FeedConsumerData(FeedParsers.IcalJs, FeedParsers.Libical)] public void Y(string consumer)</code>
/// With a plain <c>[Theory]</c> the rows run everywhere and a missing package fails the row, naming it.
/// </summary>
[XunitTestCaseDiscoverer("VisitPlanner.Testing.FeedConsumerTheoryDiscoverer", "VisitPlanner.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class FeedConsumerTheoryAttribute : TheoryAttribute;

/// <summary>
/// Rows of consumer names: every consumer, the ones given, or those that report the given fields
/// (<c>[FeedConsumerData(ParsedField.Uid)]</c>: every consumer but khal).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class FeedConsumerDataAttribute : DataAttribute
{
    public FeedConsumerDataAttribute(params string[] consumers)
    {
        foreach (var consumer in consumers)
        {
            if (!FeedParsers.All.Contains(consumer)) throw new ArgumentOutOfRangeException(nameof(consumers), consumer, "not a feed consumer");
        }
        Consumers = consumers.Length == 0 ? FeedParsers.All : consumers;
    }

    public FeedConsumerDataAttribute(ParsedField reported, params ParsedField[] alsoReported) =>
        Consumers = FeedParsers.All.Where(c => alsoReported.Prepend(reported).All(field => FeedParsers.Reports(c, field))).ToList();

    public IReadOnlyList<string> Consumers { get; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => Consumers.Select(c => new object[] { c });
}

/// <summary>Creates a skipped test case for each row whose first value names a consumer that is not installed.</summary>
public sealed class FeedConsumerTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        dataRow is [string consumer, ..] && FeedParsers.All.Contains(consumer) && FeedParsers.SkipReason(consumer) is { } reason
            ? CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, reason)
            : base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
}
