using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;

namespace VisitPlanner.Core.Services;

/// <summary>A calendar's iCalendar feed, read from that calendar's index only.</summary>
public sealed class FeedService(IEventRepository events, ICalendarRepository calendars)
{
    /// <summary>A rendered feed and the file name a browser should save it as.</summary>
    public sealed record Feed(string Content, string FileName);

    /// <summary>Rows read per page while gathering a feed: Table Storage's maximum.</summary>
    private const int PageSize = 1000;

    public async Task<Outcome<Feed>> RenderAsync(string calendarId, string? from, string? to, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(calendarId) is { } idProblem) return Problem.Invalid("calendarId", idProblem);
        var calendar = await calendars.GetAsync(calendarId, cancellationToken);
        if (calendar is null) return Problem.NotFound($"Calendar '{calendarId}'");
        var window = QueryWindow.Parse(from, to, calendar.TimeZone);
        if (window.Problem is { } windowProblem) return windowProblem;

        var visits = new List<VisitEvent>();
        string? continuation = null;
        do
        {
            var page = await events.ListByCalendarAsync(calendarId, window.From, window.To, continuation, PageSize, cancellationToken);
            visits.AddRange(page.Events);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return new Feed(CalendarFeedRenderer.Render(calendar, visits), $"{calendarId}.ics");
    }
}
