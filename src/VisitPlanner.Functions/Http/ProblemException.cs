using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// A request that cannot be served, found before any service ran (a body that is too large, not JSON, not UTF-8):
/// thrown by the request readers, answered as problem+json by <see cref="HttpFunctionMiddleware"/>.
/// </summary>
public sealed class ProblemException(Problem problem) : Exception(problem.Detail)
{
    public Problem Problem { get; } = problem;
}
