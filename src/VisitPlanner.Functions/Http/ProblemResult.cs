using Microsoft.AspNetCore.Mvc;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>An RFC 9457 application/problem+json response naming each offending field.</summary>
public sealed class ProblemResult(Problem problem, IReadOnlyDictionary<string, string>? headers = null) : IActionResult
{
    public Problem Problem { get; } = problem;

    public Task ExecuteResultAsync(ActionContext context)
    {
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) context.HttpContext.Response.Headers[name] = value;
        if (Problem.RetryAfterSeconds is { } seconds) context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = JsonOutput.ToUtf8(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", "about:blank");
            writer.WriteString("title", Problem.Title);
            writer.WriteNumber("status", Problem.Status);
            writer.WriteString("detail", Problem.Detail);
            writer.WriteString("instance", context.HttpContext.Request.Path.Value);
            if (Problem.Errors.Count > 0)
            {
                writer.WriteStartArray("errors");
                foreach (var error in Problem.Errors)
                {
                    writer.WriteStartObject();
                    writer.WriteString("field", error.Field);
                    writer.WriteString("message", error.Message);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        });
        return BytesResult.WriteAsync(context.HttpContext.Response, Problem.Status, "application/problem+json; charset=utf-8", body);
    }
}
