using Azure.Core.Pipeline;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using VisitPlanner.Functions;
using VisitPlanner.Storage.Tables;

namespace VisitPlanner.Testing.Hosting;

/// <summary>
/// Cuts (or slows) the connection to Table Storage from inside the Azure SDK pipeline: while <see cref="CutWhen"/> says so,
/// a request fails with an I/O error before it leaves, as when the network drops or the process dies between
/// two writes. Placed per retry, so the SDK's own retries fail too.
/// </summary>
public sealed class ConnectionCutter : HttpPipelinePolicy
{
    private long _cut;

    /// <summary>Decides, per outgoing request, whether it is cut. Null lets everything through.</summary>
    public Func<HttpMessage, bool>? CutWhen { get; set; }

    /// <summary>How long a request waits before it leaves, as on a slow or distant account; null for no wait.</summary>
    public Func<HttpMessage, TimeSpan?>? DelayWhen { get; set; }

    public long Cut => Interlocked.Read(ref _cut);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ThrowIfCut(message);
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (DelayWhen?.Invoke(message) is { } delay) await Task.Delay(delay);
        ThrowIfCut(message);
        await ProcessNextAsync(message, pipeline);
    }

    private void ThrowIfCut(HttpMessage message)
    {
        if (CutWhen?.Invoke(message) != true) return;
        Interlocked.Increment(ref _cut);
        throw new IOException($"Connection cut by the test: {message.Request.Method} {message.Request.Uri.Path}");
    }

    /// <summary>Index writes: entity group transactions ($batch), which carry every agenda-row change.</summary>
    public static bool IsIndexWrite(HttpMessage message) => message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal);

    /// <summary>Writes to the Events table (insert, replace): the event itself.</summary>
    public static bool IsEventWrite(HttpMessage message, string tablePrefix) =>
        message.Request.Method != RequestMethod.Get && message.Request.Uri.Path.Contains($"/{tablePrefix}Events", StringComparison.Ordinal);

    /// <summary>Replaces the app's storage client with one whose pipeline runs through <paramref name="cutter"/>.</summary>
    public static Action<IServiceCollection> Install(ConnectionCutter cutter, string connectionString) => services =>
        services.AddSingleton(sp =>
        {
            var options = VisitPlannerServices.CreateClientOptions(sp.GetRequiredService<StorageRequestCounter>());
            options.AddPolicy(cutter, HttpPipelinePosition.PerRetry);
            // Same number of retries as in production, without the waits: these tests are about order, not timing.
            options.Retry.Delay = TimeSpan.FromMilliseconds(1);
            options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
            return new TableServiceClient(connectionString, options);
        });
}
