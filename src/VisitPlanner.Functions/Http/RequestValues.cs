using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// A query parameter or header that means one value. Given twice (<c>?token=a&amp;token=b</c>), ASP.NET Core would join
/// the values with a comma, and the app would act on a value nobody sent: it is a 400 naming the parameter instead.
/// </summary>
public static class RequestValues
{
    public static string? Query(HttpRequest request, string name) => Single(request.Query.TryGetValue(name, out var values) ? values : StringValues.Empty, name);

    public static string? Header(HttpRequest request, string name) => Single(request.Headers.TryGetValue(name, out var values) ? values : StringValues.Empty, name);

    private static string? Single(StringValues values, string name) => values.Count switch
    {
        0 => null,
        1 => values[0],
        _ => throw new ProblemException(Problem.Invalid(name, $"is given {values.Count} times; give it once")),
    };
}
