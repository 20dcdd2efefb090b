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
public sealed class HolidayFunctions(HolidayService holidays)
{
    [Function("PutChinaHolidays")]
    public async Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = Routes.ChinaHolidays)] HttpRequest request,
        string year, CancellationToken cancellationToken)
    {
        using var body = await JsonRequest.ReadAsync(request, cancellationToken);
        var saved = await holidays.PutAsync(year, body.RootElement, cancellationToken);
        return Responses.From(saved, s => new BytesResult(s.Created ? 201 : 200, Responses.Json, HolidayScheduleWriter.ToUtf8(s.Schedule)));
    }

    [Function("GetChinaHolidays")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = Routes.ChinaHolidays)] HttpRequest request,
        string year, CancellationToken cancellationToken) =>
        Responses.From(await holidays.GetAsync(year, cancellationToken), schedule => new BytesResult(200, Responses.Json, HolidayScheduleWriter.ToUtf8(schedule)));
}
