using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>Calendars: the audiences events are published to.</summary>
public sealed class CalendarFunctions(CalendarService calendars, FunctionGuard guard)
{
    [Function("PutCalendar")]
    public Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "calendars/{calendarId}")] HttpRequest request,
        string calendarId, CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            var body = await JsonRequest.ReadAsync(request, cancellationToken);
            if (body.Problem is { } bodyProblem) return Responses.Problem(bodyProblem);
            using var json = body.Value!;
            var saved = await calendars.PutAsync(calendarId, json.RootElement, cancellationToken);
            return saved.Problem is { } problem
                ? Responses.Problem(problem)
                : Responses.Calendar(saved.Value!.Calendar, request, saved.Value.Created ? 201 : 200);
        });

    [Function("GetCalendar")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "calendars/{calendarId}")] HttpRequest request,
        string calendarId, CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            var calendar = await calendars.GetAsync(calendarId, cancellationToken);
            return calendar.Problem is { } problem ? Responses.Problem(problem) : Responses.Calendar(calendar.Value!, request);
        });
}
