namespace VisitPlanner.Core.Feeds;

/// <summary>
/// The ways to subscribe to one feed URL: the https URL itself (to copy, and for Thunderbird), webcal:// (opens
/// Apple Calendar and Outlook desktop), and the add-by-URL pages of Google Calendar and Outlook on the web.
/// </summary>
public sealed record SubscribeLinks(string FeedUrl, string WebcalUrl, string GoogleUrl, string OutlookUrl)
{
    public static SubscribeLinks For(string feedUrl, string calendarName)
    {
        var schemeEnd = feedUrl.IndexOf("://", StringComparison.Ordinal);
        var webcal = "webcal" + feedUrl[schemeEnd..];
        return new SubscribeLinks(
            feedUrl,
            webcal,
            $"https://calendar.google.com/calendar/r?cid={Uri.EscapeDataString(webcal)}",
            $"https://outlook.office.com/calendar/0/addfromweb?url={Uri.EscapeDataString(feedUrl)}&name={Uri.EscapeDataString(calendarName)}");
    }
}
