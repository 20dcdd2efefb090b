using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using VisitPlanner.Core.Pages;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// How a page route answers a problem: to a browser (Accept prefers text/html) a bilingual HTML error page with the
/// same status and Retry-After, to anything else the problem+json every other route sends. Both say
/// <c>Vary: Accept</c>, since the same URL answers in two forms, and neither may be stored: a page that failed for a
/// moment (or for a token since replaced) must not keep failing from a cache.
/// </summary>
public static class PageProblems
{
    public static IActionResult For(HttpRequest request, Problem problem, RequestedPage page)
    {
        var headers = new Dictionary<string, string>
        {
            ["Vary"] = "Accept",
            ["Cache-Control"] = "no-store",
        };
        if (!HtmlPreference.PrefersHtml(request)) return new ProblemResult(problem, headers);

        var model = new ErrorPageModel(problem.Status, page, !string.IsNullOrEmpty(request.Query["token"]), problem.RetryAfterSeconds);
        foreach (var (name, value) in PageFunctions.PageHeaders) headers[name] = value;
        if (problem.RetryAfterSeconds is { } seconds) headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
        return new BytesResult(problem.Status, PageFunctions.HtmlContentType, Encoding.UTF8.GetBytes(ErrorPage.Render(model)), headers);
    }
}
