using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>Numbered series (经开讲堂 第22期): defined with PUT, shown with their sessions, and a page of past and coming sessions.</summary>
public sealed class SeriesFunctions(SeriesService series, PublicLinks links)
{
    [Function("PutSeries")]
    public async Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = Routes.Series)] HttpRequest request,
        string seriesId, CancellationToken cancellationToken)
    {
        using var body = await JsonRequest.ReadAsync(request, cancellationToken);
        var saved = await series.PutAsync(seriesId, body.RootElement, cancellationToken);
        if (saved.Problem is { } problem) return Responses.Problem(problem);
        return Responses.From(await series.GetAsync(seriesId, cancellationToken), shown => Answer(request, shown, saved.Value!.Created ? 201 : 200));
    }

    [Function("GetSeries")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = Routes.Series)] HttpRequest request,
        string seriesId, CancellationToken cancellationToken) =>
        Responses.From(await series.GetAsync(seriesId, cancellationToken), shown => Answer(request, shown, 200));

    [Function("GetSeriesPage")]
    public async Task<IActionResult> Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.SeriesPage)] HttpRequest request,
        string seriesId, CancellationToken cancellationToken)
    {
        var page = await series.PageAsync(seriesId, links.For(request), cancellationToken);
        if (page.Problem is { } problem) return Responses.Problem(problem);
        var headers = new Dictionary<string, string>(PageFunctions.PageHeaders) { ["Cache-Control"] = "public, max-age=60" };
        return new BytesResult(200, PageFunctions.HtmlContentType, page.Value!.Body, headers);
    }

    private IActionResult Answer(HttpRequest request, SeriesService.Shown shown, int status) =>
        new BytesResult(status, Responses.Json, SeriesJson.ToUtf8(shown.Series, shown.Sessions, links.For(request).SeriesPage(shown.Series.Id)));
}
