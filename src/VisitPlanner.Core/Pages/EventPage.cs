using System.Text;
using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Pages;

/// <summary>
/// An event's page for people, printable as its 行程单 Itinerary. The itinerary comes first, right under the title,
/// kind, status (cancelled events are shown, clearly marked) and dates, so it starts on the first screen however many
/// people take part: every stop with date, time, item, place, participants and notes. Then the details (organizer,
/// lecture series and speaker, description), then the participants, folded away behind their count when there are
/// more than <see cref="OpenParticipantsUpTo"/> (a printout always lists them all), then how to subscribe. Times are
/// each item's instants in its own zone, with the zone named when it is not the event's.
/// </summary>
public static class EventPage
{
    /// <summary>Up to this many participants the list is shown open; a longer one would push the rest of the page far down.</summary>
    public const int OpenParticipantsUpTo = 12;

    public static string Render(EventPageModel model)
    {
        var visit = model.Event;
        var zone = visit.TimeZone;
        var cancelled = visit.Status == EventStatus.Cancelled;
        var html = new StringBuilder(16 * 1024);

        html.Append("<header class=\"masthead").Append(cancelled ? " is-cancelled" : "").Append("\">\n");
        if (model.BackUrl is { } back)
        {
            html.Append("<p class=\"back\"><a id=\"back\"").Append(HtmlText.Attribute("href", back)).Append(">← ")
                .Append(HtmlText.Encode(model.BackLabel ?? "返回 Back")).Append("</a></p>\n");
        }
        html.Append("<h1 id=\"event-title\">").Append(HtmlText.Encode(visit.Title)).Append("</h1>\n");
        html.Append("<p class=\"badges\"><span class=\"badge kind\">").Append(HtmlText.Encode(visit.Kind.Label())).Append("</span>")
            .Append("<span id=\"event-status\" class=\"badge status-").Append(visit.Status.ToWireName()).Append("\">")
            .Append(HtmlText.Encode(PageFormat.StatusLabel(visit.Status))).Append("</span></p>\n");
        html.Append("<p id=\"event-dates\" class=\"meta\">日期 Dates: ").Append(HtmlText.Encode(Dates(visit)))
            .Append(" · 时区 Time zone: ").Append(HtmlText.Encode(zone.Id)).Append("</p>\n");
        if (cancelled)
        {
            html.Append("<p id=\"cancelled\" class=\"cancelled-banner\">已取消 Cancelled — 本活动已取消，以下行程不再进行。 This event has been cancelled; the itinerary below will not take place.</p>\n");
        }
        html.Append("</header>\n");

        AppendItinerary(html, visit);
        if (visit.Recurrence is not null) AppendOccurrences(html, visit, model.Now);
        AppendFacts(html, visit);
        AppendParticipants(html, visit);
        if (model.Subscribe is { } subscribe) PageLayout.AppendSubscribe(html, subscribe, "订阅日历 Subscribe to the calendar");
        return PageLayout.Document(visit.Title, html.ToString(), model.Now, zone);
    }

    /// <summary>
    /// A series' dates: the itinerary above is the template of one occurrence, so every coming occurrence is listed with
    /// its day and what moved, cancelled or skipped it (国庆节), after the last past one for orientation.
    /// </summary>
    private static void AppendOccurrences(StringBuilder html, VisitEvent visit, Instant now)
    {
        var occurrences = visit.Occurrences;
        var coming = occurrences.Where(o => o.EndsAt > now).ToArray();
        var shown = occurrences.Where(o => o.EndsAt <= now).TakeLast(1).Concat(coming).ToArray();
        html.Append("<section id=\"occurrences\" class=\"card\">\n<h2>日期 <span class=\"en\">Dates</span></h2>\n");
        html.Append("<p class=\"meta\">以上行程每次重复 · The itinerary above repeats on each date: ").Append(occurrences.Count(o => o.TakesPlace))
            .Append(" 次 in all, ").Append(coming.Count(o => o.TakesPlace)).Append(" 次待举行 to come.</p>\n<ol class=\"items\">\n");
        foreach (var occurrence in shown)
        {
            var start = occurrence.StartsAt.InZone(visit.TimeZone);
            html.Append("<li class=\"item").Append(occurrence.TakesPlace ? "" : " is-cancelled").Append('"')
                .Append(HtmlText.Attribute("data-date", PageFormat.IsoDate(occurrence.OriginalDate))).Append(">\n<div class=\"time\">")
                .Append(HtmlText.Encode($"{PageFormat.ChineseDay(occurrence.Date)} · {PageFormat.EnglishDay(occurrence.Date)} {PageFormat.Time(start.TimeOfDay)}"))
                .Append("</div>\n<div class=\"what\">");
            if (occurrence.Title is { } title) html.Append(HtmlText.Encode(title)).Append(' ');
            html.Append(Badge(occurrence));
            html.Append("</div>\n</li>\n");
        }
        html.Append("</ol>\n</section>\n");
    }

    private static string Badge(Domain.Recurrence.Occurrence occurrence)
    {
        var reason = HtmlText.Encode(occurrence.Reason);
        if (occurrence.Status == Domain.Recurrence.OccurrenceStatus.Cancelled) return "<span class=\"badge status-cancelled\">已取消 Cancelled</span>";
        if (occurrence.Status == Domain.Recurrence.OccurrenceStatus.Skipped) return $"<span class=\"badge status-cancelled\">{reason} 休会 No meeting</span>";
        if (occurrence.Moved) return $"<span class=\"badge status-tentative\">{reason} 顺延自 Moved from {PageFormat.IsoDate(occurrence.OriginalDate)}</span>";
        return occurrence.Overridden ? "<span class=\"badge status-tentative\">有调整 Changed</span>" : "";
    }

    private static void AppendFacts(StringBuilder html, VisitEvent visit)
    {
        html.Append("<section id=\"details\" class=\"card\">\n<h2>概况 <span class=\"en\">Details</span></h2>\n<dl class=\"facts\">\n");
        var organizer = visit.Organizer.Organization is { } organization && organization != visit.Organizer.Name
            ? $"{visit.Organizer.Name} ({organization})"
            : visit.Organizer.Name;
        html.Append("<dt>组织 Organizer</dt><dd id=\"organizer\">").Append(HtmlText.Encode(organizer));
        if (visit.Organizer.Email is { } email)
        {
            html.Append(" · <a").Append(HtmlText.Attribute("href", "mailto:" + email)).Append('>').Append(HtmlText.Encode(email)).Append("</a>");
        }
        html.Append("</dd>\n");
        if (visit.Lecture is { } lecture)
        {
            if (lecture.SessionLabel is { } session) Fact(html, "讲堂 Series", session, "series");
            if (lecture.Speaker is { } speaker) Fact(html, "主讲 Speaker", speaker, "speaker");
        }
        html.Append("</dl>\n");
        if (!string.IsNullOrWhiteSpace(visit.Description))
        {
            html.Append("<p id=\"description\" class=\"prose\">").Append(HtmlText.Encode(visit.Description)).Append("</p>\n");
        }
        html.Append("</section>\n");
    }

    private static void Fact(StringBuilder html, string label, string value, string? id = null)
    {
        html.Append("<dt>").Append(HtmlText.Encode(label)).Append("</dt><dd").Append(id is null ? "" : HtmlText.Attribute("id", id)).Append('>')
            .Append(HtmlText.Encode(value)).Append("</dd>\n");
    }

    /// <summary>"2026年10月15日 星期四 – 2026年10月16日 星期五 (Thu 15 Oct 2026 – Fri 16 Oct 2026)", from the days the items are shown on.</summary>
    private static string Dates(VisitEvent visit)
    {
        var first = visit.Itinerary.Min(i => ShownDays.First(i.Timing));
        var last = visit.Itinerary.Max(i => ShownDays.Last(i.Timing));
        return first == last
            ? $"{PageFormat.ChineseDay(first)} ({PageFormat.EnglishDay(first)})"
            : $"{PageFormat.ChineseDay(first)} – {PageFormat.ChineseDay(last)} ({PageFormat.EnglishDay(first)} – {PageFormat.EnglishDay(last)})";
    }

    /// <summary>
    /// The participants in a disclosure whose summary gives their count, open for a small delegation. A table on wide
    /// screens; on a phone each person becomes a short card (name and role, then title and organization), so no column
    /// is cut off. Print opens it (style sheet), so a printout lists everyone.
    /// </summary>
    private static void AppendParticipants(StringBuilder html, VisitEvent visit)
    {
        if (visit.Participants.Count == 0) return;
        var count = visit.Participants.Count;
        html.Append("<section id=\"participants\" class=\"card\">\n<details").Append(count <= OpenParticipantsUpTo ? " open" : "").Append(">\n")
            .Append("<summary><h2>参加人员 <span class=\"en\">Participants</span> <span class=\"count\">(").Append(count).Append(")</span></h2></summary>\n");
        html.Append("<table class=\"participants\">\n<thead><tr><th>姓名<span class=\"en\">Name</span></th><th>职务<span class=\"en\">Title</span></th>")
            .Append("<th>单位<span class=\"en\">Organization</span></th><th>角色<span class=\"en\">Role</span></th></tr></thead>\n<tbody>\n");
        foreach (var participant in visit.Participants)
        {
            html.Append("<tr><td class=\"name\">").Append(HtmlText.Encode(participant.Name))
                .Append("</td><td class=\"title\">").Append(HtmlText.Encode(participant.Title))
                .Append("</td><td class=\"organization\">").Append(HtmlText.Encode(participant.Organization))
                .Append("</td><td class=\"role\">").Append(HtmlText.Encode(participant.Role))
                .Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</details>\n</section>\n");
    }

    private static readonly (string Chinese, string English)[] Columns =
    [
        ("日期", "Date"), ("时间", "Time"), ("内容", "Item"), ("地点", "Place"), ("参加人员", "Participants"), ("备注", "Notes"),
    ];

    private static void AppendItinerary(StringBuilder html, VisitEvent visit)
    {
        html.Append("<section id=\"itinerary\" class=\"card\">\n<h2>行程单 <span class=\"en\">Itinerary</span></h2>\n");
        html.Append("<table id=\"itinerary-table\" class=\"itinerary\">\n<thead><tr>");
        foreach (var (chinese, english) in Columns) html.Append("<th>").Append(chinese).Append("<span class=\"en\">").Append(english).Append("</span></th>");
        html.Append("</tr></thead>\n<tbody>\n");

        LocalDate? previousDay = null;
        foreach (var item in visit.Itinerary.OrderBy(i => i.Timing.StartInstant).ThenBy(i => i.Timing.EndInstant))
        {
            var timing = item.Timing;
            var day = ShownDays.First(timing);
            var newDay = day != previousDay;
            previousDay = day;
            html.Append("<tr class=\"stop").Append(newDay ? " day-start" : " same-day").Append('"').Append(HtmlText.Attribute("id", "stop-" + item.Id)).Append(">\n");

            // Every row carries its date, not only a day's first: a printed row continued on a new sheet, or a phone's
            // card, must say which day it is on its own. Rows after a day's first show it quieter on screen.
            html.Append("<td class=\"date\"").Append(Label(0)).Append('>');
            var chinese = PageFormat.ShortChineseDay(day);
            var english = PageFormat.ShortEnglishDay(day);
            var lastDay = ShownDays.Last(timing);
            if (timing.IsAllDay && lastDay != day)
            {
                chinese += " – " + PageFormat.ShortChineseDay(lastDay);
                english += " – " + PageFormat.ShortEnglishDay(lastDay);
            }
            html.Append(HtmlText.Encode(chinese)).Append("<span class=\"en\">").Append(HtmlText.Encode(english)).Append("</span>");
            html.Append("</td>\n");

            html.Append("<td class=\"time-cell\"").Append(Label(1)).Append('>');
            html.Append(HtmlText.Encode(timing.IsAllDay ? "全天 All day" : PageFormat.TimeRange(timing.ZonedStart, timing.ZonedEnd, day)));
            if (timing.Zone.Id != visit.TimeZone.Id) html.Append("<span class=\"zone\">").Append(HtmlText.Encode(timing.Zone.Id)).Append("</span>");
            html.Append("</td>\n");

            html.Append("<td class=\"item-title\"").Append(Label(2)).Append('>').Append(HtmlText.Encode(item.Title)).Append("</td>\n");

            html.Append("<td class=\"place\"").Append(Label(3)).Append('>');
            if (item.Location is { } place)
            {
                html.Append(HtmlText.Encode(place.ToSingleLine()));
                if (place.Latitude is { } lat && place.Longitude is { } lon)
                {
                    html.Append("<span class=\"en\"> (").Append(HtmlText.Encode(FormattableString.Invariant($"{lat:0.#####}, {lon:0.#####}"))).Append(")</span>");
                }
            }
            if (item.OnlineUrl is { } online)
            {
                // A link the organizer gave: shown as a link, never opened with this page's token.
                html.Append(item.Location is null ? "" : "<br>").Append("<a class=\"online\" rel=\"noopener noreferrer\"").Append(HtmlText.Attribute("href", online))
                    .Append(">线上参加 Join online</a>");
            }
            html.Append("</td>\n");

            html.Append("<td class=\"people\"").Append(Label(4)).Append('>').Append(HtmlText.Encode(ItemPeople(visit, item))).Append("</td>\n");
            html.Append("<td class=\"notes prose\"").Append(Label(5)).Append('>').Append(HtmlText.Encode(item.Notes)).Append("</td>\n");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>The column's label for the phone layout, where each row becomes a card.</summary>
    private static string Label(int column) => HtmlText.Attribute("data-label", $"{Columns[column].Chinese} {Columns[column].English}");

    /// <summary>Who takes part in one stop: everyone of the event (listed above), plus those of this stop alone.</summary>
    private static string ItemPeople(VisitEvent visit, ItineraryItem item)
    {
        var own = item.Participants.Select(p => p.ToDisplayText()).ToArray();
        if (visit.Participants.Count == 0) return own.Length == 0 ? "" : string.Join("、", own);
        return own.Length == 0 ? "全体人员 All participants" : $"全体人员 All participants + {string.Join("、", own)}";
    }
}
