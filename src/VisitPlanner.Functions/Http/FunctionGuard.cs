using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// What every HTTP function runs inside: a storage outage becomes 503 with Retry-After and problem+json, a bug
/// becomes a logged 500 in problem+json, and a client that went away gets nothing. Writes are ordered so an
/// outage midway leaves nothing half-visible (docs/reliability.md).
/// </summary>
public sealed class FunctionGuard(ILogger<FunctionGuard> logger)
{
    public async Task<IActionResult> RunAsync(HttpRequest request, Func<Task<IActionResult>> function)
    {
        try
        {
            return await function();
        }
        catch (Exception e) when (request.HttpContext.RequestAborted.IsCancellationRequested && e is OperationCanceledException)
        {
            // The client hung up; nobody reads the answer.
            return new StatusResult(499);
        }
        catch (Exception e) when (StorageFailures.IsTransient(e))
        {
            var retryAfter = StorageFailures.RetryAfterSeconds(e);
            logger.LogWarning("Storage unavailable for {Method} {Path}: {Error}", request.Method, request.Path.Value, e.GetType().Name + ": " + FirstLine(e.Message));
            var problem = new Problem(503, "Storage is unavailable", $"Table Storage did not answer in time or refused the request; nothing was changed by the part that failed. Retry after {retryAfter} seconds.", []);
            return new ProblemResult(problem, new Dictionary<string, string> { ["Retry-After"] = retryAfter.ToString() });
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unexpected failure in {Method} {Path}", request.Method, request.Path.Value);
            return new ProblemResult(new Problem(500, "Internal error", "The request failed unexpectedly; it has been logged.", []));
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
