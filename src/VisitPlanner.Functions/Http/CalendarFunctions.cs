using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>Calendars: the audiences events are published to.</summary>
public sealed class CalendarFunctions(CalendarService calendars, PublicLinks links)
{
    [Function("PutCalendar")]
    public async Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = Routes.Calendar)] HttpRequest request,
        string calendarId, CancellationToken cancellationToken)
    {
        using var body = await JsonRequest.ReadAsync(request, cancellationToken);
        var saved = await calendars.PutAsync(calendarId, body.RootElement, cancellationToken);
        return Responses.From(saved, s => Responses.Calendar(s.Calendar, links.For(request), s.Created ? 201 : 200));
    }

    [Function("GetCalendar")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = Routes.Calendar)] HttpRequest request,
        string calendarId, CancellationToken cancellationToken) =>
        Responses.From(await calendars.GetAsync(calendarId, cancellationToken), calendar => Responses.Calendar(calendar, links.For(request)));
}
