using System.Text;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Domain.Recurrence;

namespace VisitPlanner.Core.Pages;

/// <summary>
/// A calendar's page for people: the coming agenda day by day (today and the next <see cref="CalendarPageModel.DaysAhead"/>
/// days, in the calendar's zone), each stop with its time, place, participants and a link to its event's itinerary,
/// then how to subscribe. Labels are Chinese and English; every text from the API is HTML-encoded.
/// </summary>
public static class CalendarPage
{
    public static string Render(CalendarPageModel model)
    {
        var zone = model.TimeZone;
        var today = model.Now.InZone(zone).Date;
        var html = new StringBuilder(16 * 1024);

        html.Append("<header class=\"masthead\">\n<h1 id=\"calendar-name\">").Append(HtmlText.Encode(model.Name)).Append("</h1>\n");
        if (!string.IsNullOrWhiteSpace(model.Description))
            html.Append("<p class=\"prose\">").Append(HtmlText.Encode(model.Description)).Append("</p>\n");
        html.Append("<p class=\"meta\">今天 Today: ").Append(HtmlText.Encode($"{PageFormat.ChineseDay(today)} · {PageFormat.EnglishDay(today)}"))
            .Append(" · 时区 Time zone: ").Append(HtmlText.Encode(zone.Id)).Append("</p>\n</header>\n");

        PageLayout.AppendSubscribe(html, model.Subscribe, "订阅 Subscribe");

        html.Append("<main id=\"agenda\" class=\"card\">\n<h2>近期日程 <span class=\"en\">Coming agenda</span></h2>\n");
        var lines = Lines(model.Events, zone, today, today.PlusDays(model.DaysAhead));
        if (lines.Count == 0)
        {
            html.Append("<p class=\"empty\">暂无安排 Nothing scheduled.</p>\n");
        }
        if (model.ShownAtMost is { } shown)
        {
            html.Append("<p class=\"notice\" id=\"truncated\">此处只列出最先结束的 ").Append(shown)
                .Append(" 项活动；全部日程请订阅日历 · Only the first ").Append(shown)
                .Append(" events to end are listed here; subscribe to the calendar for all of them.</p>\n");
        }
        foreach (var day in lines.GroupBy(l => l.Day))
        {
            var date = day.Key;
            html.Append("<section class=\"day\"").Append(HtmlText.Attribute("id", "day-" + PageFormat.IsoDate(date))).Append(">\n<h3>")
                .Append(HtmlText.Encode(PageFormat.ChineseDay(date)));
            if (date == today) html.Append("（今天）");
            html.Append("<span class=\"en\">").Append(HtmlText.Encode(PageFormat.EnglishDay(date))).Append(date == today ? " · Today" : "").Append("</span></h3>\n");
            html.Append("<ol class=\"items\">\n");
            foreach (var line in day) AppendLine(html, line, model);
            html.Append("</ol>\n</section>\n");
        }
        html.Append("</main>\n");
        return PageLayout.Document(model.Name, html.ToString(), model.Now, zone);
    }

    /// <summary>
    /// The agenda's lines from <paramref name="firstDay"/> to <paramref name="lastDay"/> (inclusive), by day in
    /// <paramref name="zone"/>: a timed item on the day it starts there (or today, if it began earlier and is still
    /// going on), an all-day item on each of its dates. Within a day, all-day items come first, then by start.
    /// </summary>
    public static IReadOnlyList<AgendaLine> Lines(IEnumerable<VisitEvent> events, DateTimeZone zone, LocalDate firstDay, LocalDate lastDay)
    {
        var windowStart = zone.AtStartOfDay(firstDay).ToInstant();
        var windowEnd = zone.AtStartOfDay(lastDay.PlusDays(1)).ToInstant();
        var lines = new List<AgendaLine>();
        // A series shows each occurrence that meets or was cancelled, as the event it is that day; skipped ones not at all.
        var shown = events.DistinctBy(e => e.Id).SelectMany(e => e.Recurrence is null
            ? [e]
            : e.Occurrences.Where(o => o.Status != OccurrenceStatus.Skipped).Select(o => o.AsEvent(e)));
        foreach (var visit in shown)
        {
            foreach (var item in visit.Itinerary)
            {
                var timing = item.Timing;
                if (timing.IsAllDay)
                {
                    var days = Period.Between(timing.FirstDay, timing.LastDay, PeriodUnits.Days).Days + 1;
                    var from = timing.FirstDay < firstDay ? firstDay : timing.FirstDay;
                    var to = timing.LastDay > lastDay ? lastDay : timing.LastDay;
                    for (var date = from; date <= to; date = date.PlusDays(1))
                    {
                        lines.Add(new AgendaLine(date, visit, item, Period.Between(timing.FirstDay, date, PeriodUnits.Days).Days + 1, days));
                    }
                }
                else
                {
                    var (start, end) = (timing.StartInstant, timing.EndInstant);
                    var ongoing = end > windowStart || (start == end && start >= windowStart);
                    if (!ongoing || start >= windowEnd) continue;
                    var startDay = start.InZone(zone).Date;
                    lines.Add(new AgendaLine(startDay < firstDay ? firstDay : startDay, visit, item, 1, 1));
                }
            }
        }
        return lines
            .OrderBy(l => l.Day)
            .ThenBy(l => l.Item.Timing.IsAllDay ? 0 : 1)
            .ThenBy(l => l.Item.Timing.StartInstant)
            .ThenBy(l => l.Event.Title, StringComparer.Ordinal)
            .ThenBy(l => l.Item.Id, StringComparer.Ordinal)
            .ToArray();
    }

    private static void AppendLine(StringBuilder html, AgendaLine line, CalendarPageModel model)
    {
        var (visit, item) = (line.Event, line.Item);
        var cancelled = visit.Status == EventStatus.Cancelled;
        html.Append("<li class=\"item").Append(cancelled ? " is-cancelled" : "").Append('"')
            .Append(HtmlText.Attribute("data-event", visit.Id)).Append(HtmlText.Attribute("data-item", item.Id)).Append(">\n");

        html.Append("<div class=\"time\">").Append(HtmlText.Encode(TimeText(line, model.TimeZone)));
        if (!item.Timing.IsAllDay && item.Timing.Zone.Id != model.TimeZone.Id)
        {
            var (start, end) = (item.Timing.ZonedStart, item.Timing.ZonedEnd);
            html.Append("<span class=\"local\">当地 Local ")
                .Append(HtmlText.Encode($"{PageFormat.TimeRange(start, end, start.Date)} {item.Timing.Zone.Id}"))
                .Append("</span>");
        }
        html.Append("</div>\n<div class=\"what\">\n");

        html.Append("<div class=\"item-title\">").Append(HtmlText.Encode(item.Title));
        if (cancelled) html.Append(" <span class=\"badge status-cancelled\">已取消 Cancelled</span>");
        else if (visit.Status == EventStatus.Tentative) html.Append(" <span class=\"badge status-tentative\">待定 Tentative</span>");
        html.Append("</div>\n");

        html.Append("<div class=\"detail\"><a class=\"event-link\"").Append(HtmlText.Attribute("href", model.EventUrl(visit.Id))).Append('>')
            .Append(HtmlText.Encode(visit.Title)).Append("</a> <span class=\"badge kind\">").Append(HtmlText.Encode(visit.Kind.Label())).Append("</span>");
        if (visit.Itinerary.Count > 1)
        {
            html.Append(" · 行程 Itinerary ").Append(Position(visit, item)).Append('/').Append(visit.Itinerary.Count);
        }
        html.Append("</div>\n");

        if (item.Location is { } place)
        {
            html.Append("<div class=\"detail place\">地点 Place: <span class=\"field\">").Append(HtmlText.Encode(place.ToSingleLine())).Append("</span></div>\n");
        }
        var people = visit.Participants.Concat(item.Participants).Select(p => p.Name).Distinct(StringComparer.Ordinal).ToArray();
        if (people.Length > 0)
        {
            html.Append("<div class=\"detail people\">参加人员 Participants: <span class=\"field\">")
                .Append(HtmlText.Encode(string.Join("、", people))).Append("</span></div>\n");
        }
        html.Append("</div>\n</li>\n");
    }

    /// <summary>
    /// "08:30–09:30" in the calendar's zone, from the item's instants (with the UTC offset where the calendar's zone has
    /// that time twice); "全天 All day" (with the day's place in a multi-day item) for all-day items.
    /// </summary>
    private static string TimeText(AgendaLine line, DateTimeZone zone)
    {
        var timing = line.Item.Timing;
        if (timing.IsAllDay)
        {
            return line.DaysOfItem > 1 ? $"全天 All day ({line.DayOfItem}/{line.DaysOfItem})" : "全天 All day";
        }
        return PageFormat.TimeRange(timing.StartInstant.InZone(zone), timing.EndInstant.InZone(zone), line.Day);
    }

    private static int Position(VisitEvent visit, ItineraryItem item)
    {
        for (var i = 0; i < visit.Itinerary.Count; i++)
        {
            if (visit.Itinerary[i].Id == item.Id) return i + 1;
        }
        return 0;
    }
}
