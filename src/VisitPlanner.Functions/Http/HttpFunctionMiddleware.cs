using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// What every HTTP function runs inside, in Azure (worker middleware, registered in Program.cs) and in the dev host
/// (which runs the same middleware list): a refused request becomes its problem+json, a storage outage 503 with
/// Retry-After, a bug a logged 500, and a client that went away gets nothing. A page route answers a browser with an
/// HTML error page instead of problem+json, with the same status. Writes are ordered so an outage midway
/// leaves nothing half-visible (docs/reliability.md). Timer functions pass straight through.
/// </summary>
public sealed class HttpFunctionMiddleware(ILogger<HttpFunctionMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }
        IActionResult? answer;
        try
        {
            await next(context);
            return;
        }
        catch (ProblemException e)
        {
            answer = ProblemAnswer(context, http, e.Problem);
        }
        catch (Exception e) when (http.RequestAborted.IsCancellationRequested && e is OperationCanceledException)
        {
            // The client hung up; nobody reads the answer.
            answer = new StatusResult(499);
        }
        catch (Exception e) when (StorageFailures.IsTransient(e))
        {
            var retryAfter = StorageFailures.RetryAfterSeconds(e);
            logger.LogWarning("Storage unavailable for {Method} {Path}: {Error}", http.Request.Method, http.Request.Path.Value, e.GetType().Name + ": " + FirstLine(e.Message));
            var problem = new Problem(503, "Storage is unavailable", $"Table Storage did not answer in time or refused the request; nothing was changed by the part that failed. Retry after {retryAfter} seconds.", [])
            {
                RetryAfterSeconds = retryAfter,
            };
            answer = ProblemAnswer(context, http, problem);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unexpected failure in {Method} {Path}", http.Request.Method, http.Request.Path.Value);
            answer = ProblemAnswer(context, http, new Problem(500, "Internal error", "The request failed unexpectedly; it has been logged.", []));
        }
        // Written to the response directly: the function threw, so it returned no result for the host to execute.
        if (!http.Response.HasStarted) await answer.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
    }

    /// <summary>problem+json, except that a page asked for by a browser gets its HTML error page (<see cref="PageProblems"/>).</summary>
    private static IActionResult ProblemAnswer(FunctionContext context, HttpContext http, Problem problem) =>
        PageFunctions.PageOf(context.FunctionDefinition.Name) is { } page ? PageProblems.For(http.Request, problem, page) : new ProblemResult(problem);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
