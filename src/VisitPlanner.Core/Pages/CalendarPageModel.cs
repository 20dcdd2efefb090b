using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Pages;

/// <summary>
/// What a calendar's page shows: the calendar, its events (those overlapping the window the caller read), the moment
/// the page is made (which decides "today"), where to subscribe, and each event page's URL (carrying the token the
/// page was opened with, if any).
/// </summary>
public sealed record CalendarPageModel(
    string Name,
    string? Description,
    DateTimeZone TimeZone,
    IReadOnlyList<VisitEvent> Events,
    Instant Now,
    int DaysAhead,
    SubscribeBox Subscribe,
    Func<string, string> EventUrl)
{
    /// <summary>Set when more events fall in the window than the page shows: how many it shows.</summary>
    public int? ShownAtMost { get; init; }
}
