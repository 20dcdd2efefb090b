using System.Text;
using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Pages;

/// <summary>A numbered series' page: its coming sessions first, then the past ones, each with number, topic, speaker, date and status.</summary>
public static class SeriesPage
{
    public static string Render(LectureSeries series, IReadOnlyList<VisitEvent> sessions, Instant now, DateTimeZone zone, Func<string, string> eventUrl)
    {
        var html = new StringBuilder(8 * 1024);
        html.Append("<header class=\"masthead\">\n<h1 id=\"series-name\">").Append(HtmlText.Encode(series.Name)).Append("</h1>\n");
        html.Append("<p class=\"meta\">").Append(HtmlText.Encode(series.Kind.Label())).Append(" · 共 ").Append(sessions.Count).Append(" 期 ")
            .Append(sessions.Count).Append(sessions.Count == 1 ? " session" : " sessions").Append("</p>\n</header>\n");
        var coming = sessions.Where(s => s.EndsAt > now).OrderBy(s => s.StartsAt).ToArray();
        var past = sessions.Where(s => s.EndsAt <= now).OrderByDescending(s => s.StartsAt).ToArray();
        Section(html, "coming", "即将举行 <span class=\"en\">Coming sessions</span>", coming, zone, eventUrl);
        Section(html, "past", "往期回顾 <span class=\"en\">Past sessions</span>", past, zone, eventUrl);
        return PageLayout.Document(series.Name, html.ToString(), now, zone);
    }

    private static void Section(StringBuilder html, string id, string heading, IReadOnlyList<VisitEvent> sessions, DateTimeZone zone, Func<string, string> eventUrl)
    {
        html.Append("<main id=\"").Append(id).Append("\" class=\"card\">\n<h2>").Append(heading).Append("</h2>\n");
        if (sessions.Count == 0) html.Append("<p class=\"empty\">暂无 None.</p>\n");
        html.Append("<ol class=\"items\">\n");
        foreach (var session in sessions)
        {
            var start = session.StartsAt.InZone(zone);
            var cancelled = session.Status == EventStatus.Cancelled;
            html.Append("<li class=\"item").Append(cancelled ? " is-cancelled" : "").Append('"').Append(HtmlText.Attribute("data-number", session.Lecture?.SessionNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(">\n");
            html.Append("<div class=\"time\">").Append(HtmlText.Encode($"{PageFormat.ChineseDay(start.Date)} {PageFormat.Time(start.TimeOfDay)}")).Append("</div>\n<div class=\"what\">\n");
            html.Append("<div class=\"item-title\"><span class=\"badge kind\">").Append(HtmlText.Encode(session.Lecture?.NumberLabel ?? "")).Append("</span> ")
                .Append("<a class=\"event-link\"").Append(HtmlText.Attribute("href", eventUrl(session.Id))).Append('>').Append(HtmlText.Encode(session.Title)).Append("</a>");
            if (cancelled) html.Append(" <span class=\"badge status-cancelled\">已取消 Cancelled</span>");
            html.Append("</div>\n");
            if (session.Lecture?.Speaker is { } speaker) html.Append("<div class=\"detail\">主讲 Speaker: <span class=\"field\">").Append(HtmlText.Encode(speaker)).Append("</span></div>\n");
            if (session.Itinerary[0].Location is { } place) html.Append("<div class=\"detail place\">地点 Place: <span class=\"field\">").Append(HtmlText.Encode(place.ToSingleLine())).Append("</span></div>\n");
            html.Append("</div>\n</li>\n");
        }
        html.Append("</ol>\n</main>\n");
    }
}
