using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Feeds.Consumers;

/// <summary>libical's restriction check can fail, and passes the same feed once it is no iTIP message.</summary>
public class LibicalRestrictionTests
{
    private const string Method = "METHOD:PUBLISH\r\n";

    [FeedConsumerTheory, FeedConsumerData(FeedParsers.Libical)]
    public void APublishedFeedWithAttendeesFailsTheRestrictionCheck(string consumer)
    {
        var errors = FeedParsers.Parse(consumer, ConsumerFixtures.Read("publish-with-attendees.ics")).RestrictionErrors;

        // RFC 5546 3.2.1: a PUBLISH VEVENT has no ATTENDEE.
        Assert.Equal(["VEVENT symposium@restrictions.fixture: Failed iTIP restrictions for ATTENDEE property. Expected 0 instances of the property and got 2"], errors);
    }

    [FeedConsumerTheory, FeedConsumerData(FeedParsers.Libical)]
    public void TheSameFeedWithoutMethodPassesIt(string consumer)
    {
        var published = ConsumerFixtures.Read("publish-with-attendees.ics");
        Assert.Contains(Method, published);

        var errors = FeedParsers.LibicalRestrictionErrors(published.Replace(Method, ""));

        Assert.Empty(errors);
        Assert.Equal(FeedParsers.Libical, consumer);
    }

    [FeedConsumerTheory, FeedConsumerData(FeedParsers.Libical)]
    public void ParseErrorsAreReportedToo(string consumer)
    {
        var broken = ConsumerFixtures.Read("publish-with-attendees.ics").Replace(Method, "").Replace("DTSTAMP:20251001T000000Z", "DTSTAMP:yesterday");

        var errors = FeedParsers.Parse(consumer, broken).RestrictionErrors;

        Assert.Equal(["VEVENT symposium@restrictions.fixture: Can't parse as DATE-TIME value in DTSTAMP property. Removing entire property: yesterday"], errors);
    }
}
