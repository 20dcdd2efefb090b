using System.Text;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Core.Pages;

/// <summary>
/// A rendered page. <see cref="OpenedWithToken"/>: the request carried a token, so the page (whose links carry it
/// too) must not be stored by any cache.
/// </summary>
public sealed record RenderedPage(byte[] Body, bool OpenedWithToken);

/// <summary>
/// The HTML pages for people: a calendar's coming agenda and an event's itinerary. Who may read them is decided as
/// for feeds (<see cref="FeedService.OpenAsync"/>): anyone for a public calendar, else a live subscription token of
/// the calendar, or for an event page, of one of its calendars or people. Refusals look like missing pages (404).
/// </summary>
public sealed class PageService(FeedService feeds, IAgendaRepository agendas, IEventRepository events, IClock clock)
{
    /// <summary>Rows read per page while gathering the agenda: Table Storage's maximum.</summary>
    private const int PageSize = 1000;

    /// <summary>How far ahead the calendar page looks: today and this many days after it, as the feed's default window.</summary>
    public const int DaysAhead = FeedQuery.DaysAhead;

    public async Task<Outcome<RenderedPage>> CalendarAsync(string calendarId, string? token, string baseUrl, CancellationToken cancellationToken)
    {
        var agenda = AgendaKey.Calendar(calendarId);
        var access = await feeds.OpenAsync(agenda, token, cancellationToken);
        if (access.Problem is { } denied) return denied;
        var (head, grant) = access.Value;
        var calendar = head.Calendar!;

        var now = clock.GetCurrentInstant();
        var today = now.InZone(calendar.TimeZone).Date;
        var from = calendar.TimeZone.AtStartOfDay(today).ToInstant();
        var to = calendar.TimeZone.AtStartOfDay(today.PlusDays(DaysAhead + 1)).ToInstant();
        var entries = new List<AgendaEntry>();
        string? continuation = null;
        do
        {
            var page = await agendas.ListAsync(agenda, from, to, includeWithdrawn: false, continuation, PageSize, cancellationToken);
            entries.AddRange(page.Entries.Where(e => e.WithdrawnAt is null));
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        var linkToken = grant == AgendaAccess.Grant.Token ? token : null;
        var model = new CalendarPageModel(
            calendar.Name, calendar.Description, calendar.TimeZone, entries.Select(e => e.Event).ToArray(), now, DaysAhead,
            SubscribeFor(baseUrl, agenda, head, linkToken),
            eventId => AgendaUrls.EventPage(baseUrl, eventId, linkToken));
        return Rendered(CalendarPage.Render(model), token);
    }

    /// <summary>
    /// An event's page, readable when one of its calendars is public or the token opens a subscription of one of its
    /// calendars or people. A token's own agenda is preferred over a public calendar, so the page links back the way
    /// the reader came.
    /// </summary>
    public async Task<Outcome<RenderedPage>> EventAsync(string id, string? token, string baseUrl, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(id) is { } idProblem) return Problem.Invalid("id", idProblem);
        var stored = await events.GetAsync(id, cancellationToken);
        if (stored is null) return NotFound(id);
        var visit = stored.Event;

        // People's agendas are never public: without a token only the calendars can let the reader in.
        var hasToken = SubscriptionToken.Parse(token) is not null;
        var candidates = visit.Calendars.Select(AgendaKey.Calendar);
        if (hasToken) candidates = candidates.Concat(visit.PersonIds.Select(AgendaKey.Person));

        (AgendaKey Agenda, AgendaHead Head, AgendaAccess.Grant Grant)? granted = null;
        foreach (var agenda in candidates.Distinct())
        {
            var access = await feeds.OpenAsync(agenda, token, cancellationToken);
            if (access.Problem is not null) continue;
            var (head, grant) = access.Value;
            if (grant == AgendaAccess.Grant.Token)
            {
                granted = (agenda, head, grant);
                break;
            }
            granted ??= (agenda, head, grant);
            if (!hasToken) break;
        }
        if (granted is not { } reader) return NotFound(id);

        var linkToken = reader.Grant == AgendaAccess.Grant.Token ? token : null;
        var isCalendar = reader.Agenda.Kind == AgendaKind.Calendar;
        var model = new EventPageModel(
            visit, clock.GetCurrentInstant(),
            SubscribeFor(baseUrl, reader.Agenda, reader.Head, linkToken),
            isCalendar ? AgendaUrls.Page(baseUrl, reader.Agenda, linkToken) : null,
            isCalendar ? reader.Head.Name : null);
        return Rendered(EventPage.Render(model), token);
    }

    private static SubscribeBox SubscribeFor(string baseUrl, AgendaKey agenda, AgendaHead head, string? linkToken) =>
        new(head.Name, SubscribeLinks.For(AgendaUrls.Feed(baseUrl, agenda, linkToken), head.Name), linkToken is not null);

    private static RenderedPage Rendered(string html, string? token) => new(Encoding.UTF8.GetBytes(html), !string.IsNullOrEmpty(token));

    private static Problem NotFound(string id) => Problem.NotFound($"Event '{id}'");
}
