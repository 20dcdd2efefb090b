using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// The worker middleware every function runs inside, in order: one list, which Program.cs registers with the Functions
/// worker and the dev host runs around each function it calls, so both hosts behave the same.
/// </summary>
public static class VisitPlannerMiddleware
{
    public static readonly IReadOnlyList<Type> Types = [typeof(HttpFunctionMiddleware)];

    /// <summary>Registers <see cref="Types"/> as singletons, as the worker's own <c>UseMiddleware&lt;T&gt;</c> does.</summary>
    public static IServiceCollection AddVisitPlannerMiddleware(this IServiceCollection services)
    {
        foreach (var type in Types) services.AddSingleton(type);
        return services;
    }

    /// <summary>Adds <see cref="Types"/> to the worker's pipeline, after the ASP.NET Core integration's own middleware.</summary>
    public static IFunctionsWorkerApplicationBuilder UseVisitPlannerMiddleware(this IFunctionsWorkerApplicationBuilder builder)
    {
        foreach (var type in Types) builder.Use(next => context => Resolve(type, context.InstanceServices).Invoke(context, next));
        return builder;
    }

    public static IFunctionsWorkerMiddleware Resolve(Type type, IServiceProvider services) => (IFunctionsWorkerMiddleware)services.GetRequiredService(type);
}
