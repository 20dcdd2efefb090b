using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// Whether a request's Accept header asks for HTML before JSON, as a browser navigating to a page does
/// (<c>text/html,application/xhtml+xml,…,*/*;q=0.8</c>). Only an explicit <c>text/html</c> or
/// <c>application/xhtml+xml</c> counts: <c>*/*</c>, a missing header (curl, scripts, HttpClient) and anything that ranks a
/// JSON type at least as high keep getting problem+json, which programs can read.
/// </summary>
public static class HtmlPreference
{
    public static bool PrefersHtml(HttpRequest request)
    {
        double html = 0, json = 0;
        foreach (var range in request.GetTypedHeaders().Accept)
        {
            var quality = range.Quality ?? 1;
            if (IsHtml(range)) html = Math.Max(html, quality);
            else if (IsJson(range)) json = Math.Max(json, quality);
        }
        return html > 0 && html > json;
    }

    private static bool IsHtml(MediaTypeHeaderValue range) =>
        range.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
        || range.MediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(MediaTypeHeaderValue range) =>
        range.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || range.MediaType.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase)
        || range.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase);
}
