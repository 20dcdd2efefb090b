using System.Net;
using System.Text.RegularExpressions;
using System.Text;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Pages;
using VisitPlanner.Testing;
using static VisitPlanner.Core.Tests.Pages.PageTestData;

namespace VisitPlanner.Core.Tests.Pages;

/// <summary>A calendar's page as HTML: the coming agenda by day, the subscribe section, and nothing a title could inject.</summary>
public class CalendarPageTests
{
    private const string Attack = "<script>alert(1)</script>";

    [Fact]
    public void TheShouyangVisitIsListedStopByStopUnderItsTwoDays()
    {
        var html = RenderCalendar(TestEvents.Shouyang());

        var first = Text(Element(html, "section", "day-2025-10-15"));
        var second = Text(Element(html, "section", "day-2025-10-16"));
        Assert.Contains("2025年10月15日 星期三", first);
        Assert.Contains("Wed 15 Oct 2025", first);
        Assert.Contains("08:30–09:30", first);
        Assert.Contains("参观鹤壁科创新城规划建设展示中心", first);
        Assert.Contains("16:00–17:00", first);
        Assert.Contains("调研航宇火箭总装智能制造基地", first);
        Assert.Contains("地点 Place: 鹤壁科创新城规划建设展示中心, 鹤壁", first);
        Assert.Contains("参加人员 Participants: 李卫平、王勇、李义志", first);
        Assert.Contains("行程 Itinerary 1/6", first);
        Assert.DoesNotContain("专题座谈会", first);
        Assert.Contains("09:30–11:30", second);
        Assert.Contains("专题座谈会（王宇翔主持）", second);
        Assert.Equal(5, Regex.Matches(Element(html, "section", "day-2025-10-15"), "<li class=\"item").Count);
        Assert.Single(Regex.Matches(Element(html, "section", "day-2025-10-16"), "<li class=\"item"));
    }

    [Fact]
    public void EachStopLinksToItsEventsPage()
    {
        var html = RenderCalendar(TestEvents.Shouyang());

        var links = Regex.Matches(html, "<a class=\"event-link\" href=\"([^\"]*)\">([^<]*)</a>");
        Assert.Equal(6, links.Count);
        Assert.All(links, l => Assert.Equal($"{BaseUrl}/api/events/evt-shouyang-2025/page", l.Groups[1].Value));
        Assert.All(links, l => Assert.Equal("航天产业专题考察（鹤壁、北京）", l.Groups[2].Value));
    }

    [Fact]
    public void ItemsAreGroupedByTheirDayInTheCalendarsZone()
    {
        // 20:00 in Berlin on the 25th is 02:00 on the 26th in Shanghai, the calendar's zone.
        var late = TestEvents.FromJson(TestEvents.SingleItemJson(
            """{"id":"late","title":"Abendessen","start":"2025-10-25T20:00","end":"2025-10-25T22:00","timeZone":"Europe/Berlin"}""",
            title: "Dinner in Stuttgart"), id: "evt-late");
        var early = TestEvents.FromJson(TestEvents.SingleItemJson(
            """{"id":"early","title":"Frühstück","start":"2025-10-25T08:00","end":"2025-10-25T09:00","timeZone":"Europe/Berlin"}"""), id: "evt-early");

        var lines = CalendarPage.Lines([late, early], DateTimeZoneProviders.Tzdb["Asia/Shanghai"], new LocalDate(2025, 10, 10), new LocalDate(2026, 1, 1));
        var html = RenderCalendar(late, early);

        Assert.Equal([("early", new LocalDate(2025, 10, 25)), ("late", new LocalDate(2025, 10, 26))], lines.Select(l => (l.Item.Id, l.Day)));
        var day = Text(Element(html, "section", "day-2025-10-26"));
        Assert.Contains("02:00–04:00", day);
        Assert.Contains("当地 Local 20:00–22:00 Europe/Berlin", day);
        Assert.Contains("Abendessen", day);
        Assert.DoesNotContain("Abendessen", Text(Element(html, "section", "day-2025-10-25")));
    }

    [Fact]
    public void AnItemInTheCalendarsZoneNamesNoZone()
    {
        var html = RenderCalendar(TestEvents.Shouyang());

        Assert.DoesNotContain("当地 Local", html);
    }

    [Fact]
    public void AnAllDayItemShowsOnEachOfItsDays()
    {
        var fair = TestEvents.FromJson(TestEvents.SingleItemJson(
            """{"id":"fair","title":"China Hi-Tech Fair","start":"2025-11-14","end":"2025-11-16"}""", kind: "studyTrip", title: "高交会"), id: "evt-fair");

        var html = RenderCalendar(fair);

        foreach (var (date, position) in new[] { ("2025-11-14", 1), ("2025-11-15", 2), ("2025-11-16", 3) })
        {
            var day = Text(Element(html, "section", $"day-{date}"));
            Assert.Contains($"全天 All day ({position}/3)", day);
            Assert.Contains("China Hi-Tech Fair", day);
        }
        Assert.DoesNotContain("day-2025-11-17", html);
    }

    [Fact]
    public void OnlyTheComingAgendaIsShown()
    {
        // On the morning of the 16th (Shanghai), the stops of the 15th are past.
        var html = CalendarPage.Render(Calendar([TestEvents.Shouyang()], now: Instant.FromUtc(2025, 10, 16, 0, 0)));

        Assert.DoesNotContain("day-2025-10-15", html);
        Assert.Contains("专题座谈会（王宇翔主持）", Text(Element(html, "section", "day-2025-10-16")));
        Assert.Contains("（今天）", html);
    }

    [Fact]
    public void AnEmptyAgendaSaysSo()
    {
        var html = CalendarPage.Render(Calendar([TestEvents.Shouyang()], now: Instant.FromUtc(2026, 1, 1, 0, 0)));

        Assert.Contains("暂无安排 Nothing scheduled", html);
        Assert.DoesNotContain("<li class=\"item", html);
    }

    [Fact]
    public void ACancelledEventIsMarked()
    {
        var html = RenderCalendar(TestEvents.FromJson(SeedEvents.ShouyangAerospaceVisitJson(), status: EventStatus.Cancelled));

        Assert.Equal(6, Regex.Matches(html, "<li class=\"item is-cancelled\"").Count);
        Assert.Equal(6, Regex.Matches(html, "已取消 Cancelled").Count);
    }

    [Fact]
    public void UserTextIsEncodedEverywhere()
    {
        var visit = TestEvents.FromJson(SeedEvents.ShouyangAerospaceVisitJson(n =>
        {
            n["title"] = Attack;
            n["participants"]![0]!["name"] = Attack;
            n["itinerary"]![0]!["title"] = Attack;
            n["itinerary"]![0]!["location"]!["name"] = "\"><img src=x onerror=alert(2)>";
        }));

        var html = CalendarPage.Render(Calendar([visit], name: "<b onmouseover=alert(3)>x</b>"));

        Assert.Single(Regex.Matches(html, "<script"));
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<b onmouseover", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", html);
        Assert.Contains("<title>&lt;b onmouseover=alert(3)&gt;x&lt;/b&gt;</title>", html);
    }

    [Fact]
    public void LabelsAreInChineseAndEnglish()
    {
        var html = RenderCalendar(TestEvents.Shouyang());

        foreach (var label in new[] { "订阅 Subscribe", "复制链接 Copy link", "参加人员 Participants", "地点 Place", "近期日程", "Coming agenda", "订阅链接 Feed URL", "Scan with your phone" })
        {
            Assert.Contains(label, html);
        }
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("<meta charset=\"utf-8\">", html);
        Assert.Contains("name=\"viewport\"", html);
        Assert.Contains("<title>寿阳经开区 外出考察</title>", html);
    }

    [Fact]
    public void TheSubscribeSectionCarriesTheFeedsLinksAndItsQrCode()
    {
        var html = RenderCalendar(TestEvents.Shouyang());

        var webcal = "webcal://visitplanner.example/api/calendars/shouyang-edz-trips/feed.ics";
        Assert.Equal(webcal, WebUtility.HtmlDecode(AttributeOf(html, "subscribe-webcal", "href")));
        Assert.Equal($"https://calendar.google.com/calendar/r?cid={Uri.EscapeDataString(webcal)}", WebUtility.HtmlDecode(AttributeOf(html, "subscribe-google", "href")));
        var outlook = AttributeOf(html, "subscribe-outlook", "href");
        Assert.Contains("&amp;name=", outlook);
        Assert.StartsWith($"https://outlook.office.com/calendar/0/addfromweb?url={Uri.EscapeDataString(FeedUrl)}&name=", WebUtility.HtmlDecode(outlook));
        Assert.Equal(FeedUrl, AttributeOf(html, "feed-url", "value"));

        // The QR code is drawn from the webcal:// link, which a phone's camera hands to its calendar app to subscribe
        // (the browser tests decode the image itself).
        var qr = AttributeOf(html, "qr", "src");
        Assert.Equal(QrCode.SvgDataUrl(webcal), qr);
        Assert.NotEqual(QrCode.SvgDataUrl(FeedUrl), qr);
        Assert.StartsWith("data:image/svg+xml;base64,", qr);
        var svg = Encoding.UTF8.GetString(Convert.FromBase64String(qr["data:image/svg+xml;base64,".Length..]));
        Assert.Contains("<svg", svg);
        Assert.Contains("viewBox", svg);
        Assert.False(string.IsNullOrEmpty(AttributeOf(html, "qr", "alt")));
    }

    [Fact]
    public void ATokenLinkIsFlaggedAsPersonal()
    {
        var model = Calendar([TestEvents.Shouyang()]) with { Subscribe = Subscribe(FeedUrl + "?token=abc", hasToken: true) };

        var html = CalendarPage.Render(model);

        Assert.Contains("请勿转发", html);
        Assert.Equal(FeedUrl + "?token=abc", AttributeOf(html, "feed-url", "value"));
    }

    [Fact]
    public void ThePageLoadsNothingFromElsewhereAndHasAPrintStyleSheet()
    {
        var html = RenderCalendar(TestEvents.Shouyang());

        Assert.DoesNotMatch("(src|href)=\"(https?:)?//(?!visitplanner\\.example|calendar\\.google\\.com|outlook\\.office\\.com)", html);
        Assert.DoesNotContain("<link rel=\"stylesheet\"", html);
        Assert.DoesNotContain("@import", html);
        Assert.Matches(new Regex("@media print\\{.*#subscribe[^}]*display:none", RegexOptions.Singleline), html);
        Assert.DoesNotMatch("<script[^>]*src=", html);
    }
}
