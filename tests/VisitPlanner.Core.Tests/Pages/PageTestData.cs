using System.Text.RegularExpressions;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Pages;

namespace VisitPlanner.Core.Tests.Pages;

/// <summary>Models and helpers for the page renderers' tests.</summary>
internal static class PageTestData
{
    /// <summary>When the tests' pages are made: 2025-10-10 12:00 in Shanghai, five days before the Shouyang visit.</summary>
    public static readonly Instant Now = Instant.FromUtc(2025, 10, 10, 4, 0);

    public const string BaseUrl = "https://visitplanner.example";

    public static readonly string FeedUrl = $"{BaseUrl}/api/calendars/shouyang-edz-trips/feed.ics";

    public static SubscribeBox Subscribe(string feedUrl = "", string name = "寿阳经开区 外出考察", bool hasToken = false) =>
        new(name, SubscribeLinks.For(feedUrl.Length == 0 ? FeedUrl : feedUrl, name), hasToken);

    public static CalendarPageModel Calendar(IReadOnlyList<VisitEvent> events, Instant? now = null, string zone = "Asia/Shanghai", string name = "寿阳经开区 外出考察") =>
        new(name, "Trips and visits of Shouyang EDZ", DateTimeZoneProviders.Tzdb[zone], events, now ?? Now, 400, Subscribe(name: name),
            id => $"{BaseUrl}/api/events/{id}/page");

    public static string RenderCalendar(params VisitEvent[] events) => CalendarPage.Render(Calendar(events));

    public static string RenderEvent(VisitEvent visit) =>
        EventPage.Render(new EventPageModel(visit, Now, Subscribe(), $"{BaseUrl}/api/calendars/shouyang-edz-trips/page", "寿阳经开区 外出考察"));

    /// <summary>The HTML of the element with this id, up to its closing tag (elements of the same name must not nest in it).</summary>
    public static string Element(string html, string tag, string id)
    {
        var match = Regex.Match(html, $"<{tag}[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>.*?</{tag}>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No <{tag} id=\"{id}\"> in the page");
        return match.Value;
    }

    /// <summary>An attribute's value (still HTML-encoded) on the element with this id.</summary>
    public static string AttributeOf(string html, string id, string attribute)
    {
        var tag = Regex.Match(html, $"<[a-z]+[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>");
        Assert.True(tag.Success, $"No element with id=\"{id}\" in the page");
        var value = Regex.Match(tag.Value, $"\\b{attribute}=\"([^\"]*)\"");
        Assert.True(value.Success, $"No {attribute} on #{id}");
        return value.Groups[1].Value;
    }

    /// <summary>Text an element shows, tags dropped and entities decoded.</summary>
    public static string Text(string html) => System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", ""));
}
