using Azure.Core.Pipeline;
using Azure.Core;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Counts the requests this process sends to Table Storage, in the Azure SDK's pipeline (retries included),
/// split into reads (GET: point reads and queries) and writes (everything else, an entity group transaction
/// being one). Each request is one billed storage transaction, so this is what an operation costs.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private long _reads;
    private long _writes;

    public long Reads => Interlocked.Read(ref _reads);

    public long Writes => Interlocked.Read(ref _writes);

    public long Total => Reads + Writes;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Count(HttpMessage message)
    {
        if (message.Request.Method == RequestMethod.Get) Interlocked.Increment(ref _reads);
        else Interlocked.Increment(ref _writes);
    }
}
