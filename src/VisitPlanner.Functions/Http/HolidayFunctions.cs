using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// China's working calendar: a year's State Council holiday schedule, in the holiday-cn format, read and loaded at run
/// time. Both need a function key: a schedule moves every series' occurrences, and reading one is the organizers' API
/// like the rest (the data is public anyway, at gov.cn and in holiday-cn).
/// </summary>
public sealed class HolidayFunctions(HolidayService holidays, SeriesResettlement resettlement)
{
    [Function("PutChinaHolidays")]
    public async Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = Routes.ChinaHolidays)] HttpRequest request,
        string year, CancellationToken cancellationToken)
    {
        using var body = await JsonRequest.ReadAsync(request, cancellationToken);
        var saved = await holidays.PutAsync(year, body.RootElement, cancellationToken);
        if (saved.Problem is { } problem) return Responses.Problem(problem);
        // Series already written kept the dates this schedule covers as their rules say: settle them again now, so a
        // 2027 schedule loaded in November moves the 2027 meetings of series posted in September.
        var settled = await resettlement.ResettleAsync(saved.Value!.Schedule.Year, await holidays.CalendarAsync(cancellationToken), cancellationToken);
        var headers = new Dictionary<string, string>
        {
            ["VisitPlanner-Series-Checked"] = settled.Checked.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["VisitPlanner-Series-Changed"] = settled.Changed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["VisitPlanner-Series-Complete"] = settled.Complete ? "true" : "false",
        };
        return new BytesResult(saved.Value.Created ? 201 : 200, Responses.Json, HolidayScheduleWriter.ToUtf8(saved.Value.Schedule), headers);
    }

    [Function("GetChinaHolidays")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = Routes.ChinaHolidays)] HttpRequest request,
        string year, CancellationToken cancellationToken) =>
        Responses.From(await holidays.GetAsync(year, cancellationToken), schedule => new BytesResult(200, Responses.Json, HolidayScheduleWriter.ToUtf8(schedule)));
}
