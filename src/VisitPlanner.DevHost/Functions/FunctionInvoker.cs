using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Functions.Http;

namespace VisitPlanner.DevHost.Functions;

/// <summary>
/// Calls a function method the way the isolated worker does: inside the app's worker middleware, a new instance per
/// invocation from DI, the trigger and route values bound to parameters by name, and the returned IActionResult executed
/// against the real ASP.NET Core response. Parameter kinds it cannot bind are reported at startup, not at request time.
/// </summary>
public static class FunctionInvoker
{
    /// <summary>Throws when <paramref name="method"/> has a parameter the dev host cannot bind, so an unsupported function fails the host at start.</summary>
    public static void EnsureBindable(MethodInfo method, IReadOnlyCollection<string> routeValues)
    {
        foreach (var parameter in method.GetParameters())
        {
            var type = parameter.ParameterType;
            var bindable = type == typeof(HttpRequest) || type == typeof(CancellationToken) || type == typeof(TimerInfo)
                || (routeValues.Contains(parameter.Name!, StringComparer.OrdinalIgnoreCase) && TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string)));
            if (!bindable)
                throw new InvalidOperationException($"The dev host cannot bind parameter '{parameter.Name}' ({type.Name}) of {method.DeclaringType!.Name}.{method.Name}.");
        }
    }

    /// <summary>
    /// Runs an HTTP function as the worker does: inside the app's middleware (<see cref="VisitPlannerMiddleware"/>, in
    /// order), then, outside it, executes the IActionResult it returned, as the ASP.NET Core integration does.
    /// </summary>
    public static async Task InvokeHttpAsync(HttpFunction function, HttpContext context)
    {
        object? result = null;
        var invocation = new DevHostFunctionContext(function.Name, context.RequestServices, context, context.RequestAborted);
        await RunInMiddlewareAsync(invocation, async () =>
        {
            var instance = Instantiate(function.Method, context.RequestServices);
            var arguments = function.Method.GetParameters().Select(p => HttpArgument(p, context)).ToArray();
            result = await AwaitResultAsync(Call(function.Method, instance, arguments));
        });
        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case null:
                // The middleware answered already (a refused request, an outage); otherwise the function returned nothing.
                if (!context.Response.HasStarted && context.Response.StatusCode == StatusCodes.Status200OK && context.Response.ContentLength is null)
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                throw new InvalidOperationException($"{function.Name} returned {result.GetType().Name}; the dev host serves IActionResult.");
        }
    }

    public static async Task InvokeTimerAsync(TimerFunction function, IServiceProvider services, TimerInfo timer, CancellationToken cancellationToken)
    {
        var invocation = new DevHostFunctionContext(function.Name, services, null, cancellationToken);
        await RunInMiddlewareAsync(invocation, async () =>
        {
            var instance = Instantiate(function.Method, services);
            var arguments = function.Method.GetParameters()
                .Select(p => p.ParameterType == typeof(TimerInfo) ? timer : p.ParameterType == typeof(CancellationToken) ? (object)cancellationToken : null)
                .ToArray();
            await AwaitResultAsync(Call(function.Method, instance, arguments));
        });
    }

    /// <summary>The app's worker middleware, first registered outermost, around <paramref name="function"/>.</summary>
    private static Task RunInMiddlewareAsync(FunctionContext invocation, Func<Task> function)
    {
        FunctionExecutionDelegate pipeline = _ => function();
        foreach (var type in VisitPlannerMiddleware.Types.Reverse())
        {
            var next = pipeline;
            pipeline = context => VisitPlannerMiddleware.Resolve(type, context.InstanceServices).Invoke(context, next);
        }
        return pipeline(invocation);
    }

    private static object? Instantiate(MethodInfo method, IServiceProvider services) =>
        method.IsStatic ? null : Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(services, method.DeclaringType!);

    private static object? HttpArgument(ParameterInfo parameter, HttpContext context)
    {
        if (parameter.ParameterType == typeof(HttpRequest)) return context.Request;
        if (parameter.ParameterType == typeof(CancellationToken)) return context.RequestAborted;
        var value = context.GetRouteValue(parameter.Name!)?.ToString();
        return value is null ? null : TypeDescriptor.GetConverter(parameter.ParameterType).ConvertFromInvariantString(value);
    }

    /// <summary>Invokes by reflection, rethrowing the function's own exception rather than the reflection wrapper.</summary>
    private static object? Call(MethodInfo method, object? instance, object?[] arguments)
    {
        try
        {
            return method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private static async Task<object?> AwaitResultAsync(object? returned)
    {
        if (returned is not Task task) return returned;
        await task;
        var resultProperty = task.GetType().GetProperty("Result");
        return resultProperty is null || resultProperty.PropertyType.Name == "VoidTaskResult" ? null : resultProperty.GetValue(task);
    }
}
