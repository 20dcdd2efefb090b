using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Abstractions;
using VisitPlanner.Core.Services;
using VisitPlanner.Functions.Http;

namespace VisitPlanner.DevHost.Functions;

/// <summary>
/// Function keys, as the Functions host checks them: when <c>VisitPlanner:DevHost:FunctionKey</c> is set, every
/// function that is not anonymous (and the admin endpoint) needs it, in the <c>x-functions-key</c> header or the
/// <c>code</c> query parameter. Unset, nothing is enforced, like `func start`.
/// </summary>
public sealed class FunctionKeys
{
    public const string Setting = "VisitPlanner:DevHost:FunctionKey";

    private readonly byte[]? _key;

    private FunctionKeys(string? key)
    {
        _key = string.IsNullOrEmpty(key) ? null : Encoding.UTF8.GetBytes(key);
        Secrets = string.IsNullOrEmpty(key) ? [] : [key];
    }

    public bool Enforced => _key is not null;

    /// <summary>The keys themselves, for the request log to mask wherever a client put them.</summary>
    public IReadOnlyCollection<string> Secrets { get; }

    public static FunctionKeys From(IConfiguration configuration) => new(configuration[Setting]);

    public bool Admits(HttpRequest request)
    {
        if (_key is null) return true;
        var presented = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        return presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key);
    }

    public static Task RefuseAsync(HttpContext context)
    {
        var problem = new Problem(401, "A function key is required",
            "This function needs a key: send it in the x-functions-key header or the code query parameter.",
            [new Core.Json.FieldError("x-functions-key", "is missing or wrong")]);
        return new ProblemResult(problem).ExecuteResultAsync(new Microsoft.AspNetCore.Mvc.ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }
}
