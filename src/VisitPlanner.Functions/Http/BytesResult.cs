using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// A response whose body is already serialized. Our results write the response themselves rather than
/// through MVC's formatters, so they behave the same under the Functions worker and the dev host.
/// </summary>
public sealed class BytesResult(int status, string contentType, byte[] body, IReadOnlyDictionary<string, string>? headers = null) : IActionResult
{
    public int Status { get; } = status;

    public Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) response.Headers[name] = value;
        return WriteAsync(response, Status, contentType, HttpMethods.IsHead(context.HttpContext.Request.Method) ? null : body, body.Length);
    }

    internal static async Task WriteAsync(HttpResponse response, int status, string contentType, byte[]? body, long? length = null)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = length ?? body?.Length;
        if (body is not null) await response.Body.WriteAsync(body);
    }
}
