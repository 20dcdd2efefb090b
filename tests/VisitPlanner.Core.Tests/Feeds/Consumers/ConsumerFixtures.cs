using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Feeds.Consumers;

/// <summary>The hand-written .ics fixtures beside these tests, and finding an event in what a consumer read.</summary>
internal static class ConsumerFixtures
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Feeds", "Consumers", name)).ReplaceLineEndings("\r\n");

    /// <summary>
    /// The event with this UID; for a consumer that does not report UIDs (khal: vdirsyncer replaces them), the one
    /// with this summary.
    /// </summary>
    public static ParsedEvent Event(ParsedFeed feed, string consumer, string uid, string summary) =>
        FeedParsers.Reports(consumer, ParsedField.Uid)
            ? Assert.Single(feed.Events, e => e.Uid == uid)
            : Assert.Single(feed.Events, e => e.Summary == summary);
}
