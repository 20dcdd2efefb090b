using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace VisitPlanner.DevHost.Functions;

/// <summary>An HTTP-triggered function as its attributes declare it.</summary>
public sealed record HttpFunction(string Name, MethodInfo Method, string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel);

/// <summary>A timer-triggered function as its attributes declare it.</summary>
public sealed record TimerFunction(string Name, MethodInfo Method, string Schedule, bool RunOnStartup);

/// <summary>
/// Finds the functions in an assembly by the attributes the Worker SDK turns into functions.metadata
/// ([Function], [HttpTrigger], [TimerTrigger]), so the dev host serves what Azure serves.
/// </summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<HttpFunction> http, IReadOnlyList<TimerFunction> timers)
    {
        Http = http;
        Timers = timers;
    }

    public IReadOnlyList<HttpFunction> Http { get; }

    public IReadOnlyList<TimerFunction> Timers { get; }

    public static FunctionCatalog Discover(Assembly assembly)
    {
        var http = new List<HttpFunction>();
        var timers = new List<TimerFunction>();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function) continue;
                foreach (var parameter in method.GetParameters())
                {
                    if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } httpTrigger)
                    {
                        // As in the Functions host: no route means the function's name; no methods means all.
                        var methods = httpTrigger.Methods is { Length: > 0 } declared
                            ? declared.Select(m => m.ToUpperInvariant()).ToArray()
                            : ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];
                        http.Add(new HttpFunction(function.Name, method, httpTrigger.Route ?? function.Name, methods, httpTrigger.AuthLevel));
                    }
                    else if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timerTrigger)
                    {
                        timers.Add(new TimerFunction(function.Name, method, timerTrigger.Schedule, timerTrigger.RunOnStartup));
                    }
                }
            }
        }
        return new FunctionCatalog(
            http.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray(),
            timers.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray());
    }
}
