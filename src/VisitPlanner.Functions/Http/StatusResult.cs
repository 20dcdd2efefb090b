using Microsoft.AspNetCore.Mvc;

namespace VisitPlanner.Functions.Http;

/// <summary>A bodiless response, optionally with headers (204 with the new ETag after a cancel; a feed's HEAD).</summary>
public sealed class StatusResult(int status, IReadOnlyDictionary<string, string>? headers = null, string? contentType = null) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        if (contentType is not null) response.ContentType = contentType;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) response.Headers[name] = value;
        return Task.CompletedTask;
    }
}
