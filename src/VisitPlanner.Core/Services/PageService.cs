using System.Text;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Pages;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Core.Services;

/// <summary>
/// The HTML pages for people: a calendar's coming agenda and an event's itinerary. Who may read them is decided as for
/// feeds, by <see cref="AgendaGate"/>: anyone for a public calendar, else a live subscription token of the calendar, or
/// for an event page, of one of its calendars or people. Refusals look like missing pages (404).
/// </summary>
public sealed class PageService(AgendaGate gate, IAgendaRepository agendas, IEventRepository events, IClock clock)
{
    /// <summary>Rows read per page while gathering the agenda: Table Storage's maximum.</summary>
    private const int PageSize = 1000;

    /// <summary>How far ahead the calendar page looks: today and this many days after it, as the feed's default window.</summary>
    public const int DaysAhead = FeedQuery.DaysAhead;

    /// <summary>
    /// The most events a calendar page shows: past that it shows the first ones and says how to see the rest (the feed),
    /// so no calendar makes a page read and render without bound.
    /// </summary>
    public const int MaxCalendarEvents = 500;

    public async Task<Outcome<RenderedPage>> CalendarAsync(string calendarId, string? token, SiteLinks links, CancellationToken cancellationToken)
    {
        var agenda = AgendaKey.Calendar(calendarId);
        var access = await gate.OpenAsync(agenda, token);
        if (access.Problem is { } denied) return denied;
        var open = access.Value!;
        var calendar = open.Head.Calendar!;

        var now = clock.GetCurrentInstant();
        var today = now.InZone(calendar.TimeZone).Date;
        var window = new QueryWindow(calendar.TimeZone.AtStartOfDay(today).ToInstant(), calendar.TimeZone.AtStartOfDay(today.PlusDays(DaysAhead + 1)).ToInstant());
        // Rows come by end time, so the events kept are those ending soonest: the page's first days are whole.
        // One more than shown is read, to know whether there are more.
        var events = new List<VisitEvent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? continuation = null;
        do
        {
            var page = await agendas.ListAsync(agenda, window, includeWithdrawn: false, continuation, PageSize, cancellationToken);
            foreach (var entry in page.Entries.Where(e => e.WithdrawnAt is null))
            {
                if (events.Count > MaxCalendarEvents) break;
                if (seen.Add(entry.Event.Id)) events.Add(entry.Event);
            }
            continuation = page.ContinuationToken;
        }
        while (continuation is not null && events.Count <= MaxCalendarEvents);
        var truncated = events.Count > MaxCalendarEvents;
        var shown = events.Take(MaxCalendarEvents).ToArray();

        var model = new CalendarPageModel(
            calendar.Name, calendar.Description, calendar.TimeZone, shown, now, DaysAhead,
            SubscribeFor(links, open), eventId => links.EventPage(eventId, open.LinkToken, open.Agenda))
        {
            ShownAtMost = truncated ? MaxCalendarEvents : null,
        };
        return Rendered(CalendarPage.Render(model), token);
    }

    /// <summary>
    /// An event's page, readable when one of its calendars is public or the token opens a subscription of one of its
    /// calendars or people. A token's own agenda is preferred over a public calendar, so the page links back the way
    /// the reader came. The agenda the token belongs to comes with it (<paramref name="via"/>, in every link the app
    /// makes): only that one is checked. Without it, only the event's calendars are (at most 20 reads), never each of
    /// its people, so a made-up token cannot make one request cost hundreds of reads.
    /// </summary>
    public async Task<Outcome<RenderedPage>> EventAsync(string id, string? token, AgendaKey? via, SiteLinks links, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(id) is { } idProblem) return Problem.Invalid("id", idProblem);
        if (via is { } named && token is null) return Problem.Invalid(PageVia.ParameterOf(named.Kind), "is only for links with a token: it names the subscription the token belongs to");
        if (via is { } checkedVia && Identifier.Problem(checkedVia.Id) is { } viaProblem) return Problem.Invalid(PageVia.ParameterOf(checkedVia.Kind), viaProblem);
        var stored = await events.GetAsync(id, cancellationToken);
        if (stored is null) return NotFound(id);
        var visit = stored.Event;

        var hasToken = SubscriptionToken.Parse(token) is not null;
        var ofEvent = visit.Calendars.Select(AgendaKey.Calendar).Concat(visit.PersonIds.Select(AgendaKey.Person));
        // People's agendas are never public: without a token, or without the agenda it belongs to, only calendars can let the reader in.
        var candidates = hasToken && via is { } tokenAgenda
            ? ofEvent.Where(a => a == tokenAgenda).Concat(visit.Calendars.Select(AgendaKey.Calendar))
            : visit.Calendars.Select(AgendaKey.Calendar);

        OpenAgenda? granted = null;
        foreach (var agenda in candidates.Distinct())
        {
            var access = await gate.OpenAsync(agenda, token);
            if (access.Value is not { } open) continue;
            if (open.Grant == AgendaGrant.Token)
            {
                granted = open;
                break;
            }
            granted ??= open;
            if (!hasToken) break;
        }
        if (granted is not { } reader) return NotFound(id);

        var isCalendar = reader.Agenda.Kind == AgendaKind.Calendar;
        var model = new EventPageModel(
            visit, clock.GetCurrentInstant(),
            SubscribeFor(links, reader),
            isCalendar ? links.CalendarPage(reader.Agenda.Id, reader.LinkToken) : null,
            isCalendar ? reader.Head.Name : null);
        return Rendered(EventPage.Render(model), token);
    }

    private static SubscribeBox SubscribeFor(SiteLinks links, OpenAgenda open) =>
        new(open.Head.Name, SubscribeLinks.For(links.Feed(open.Agenda, open.LinkToken), open.Head.Name), open.LinkToken is not null);

    private static RenderedPage Rendered(string html, string? token) => new(Encoding.UTF8.GetBytes(html), !string.IsNullOrEmpty(token));

    private static Problem NotFound(string id) => Problem.NotFound($"Event '{id}'");
}
