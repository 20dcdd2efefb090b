using System.Net.Sockets;
using Azure;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// Which exceptions mean "storage cannot answer now" (unreachable, timed out, throttled, failing) rather than
/// a bug: those become 503 with Retry-After, which clients and proxies retry. The Azure SDK has already
/// retried them by then (see <see cref="VisitPlannerServices"/> for the policy).
/// </summary>
public static class StorageFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or SocketException or IOException or TimeoutException => true,
        // The SDK's network timeout surfaces as a cancellation with a TimeoutException inside (found below); any other
        // cancellation nobody asked for is a bug, answered 500 and logged as one, not passed off as an outage.
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    /// <summary>Throttling asks for a longer pause than an outage blip.</summary>
    public static int RetryAfterSeconds(Exception exception) =>
        exception is RequestFailedException { Status: 429 or 503 } ? 10 : 5;
}
