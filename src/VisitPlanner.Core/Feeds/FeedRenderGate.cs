namespace VisitPlanner.Core.Feeds;

/// <summary>
/// At most <see cref="FeedOptions.MaxConcurrentRenders"/> feeds render at once on an instance, each bounded by
/// <see cref="FeedOptions.MaxFeedBytes"/>: what renders take in memory is bounded by their product, however many polls
/// arrive with different windows. A render that cannot start within <see cref="FeedOptions.RenderWaitSeconds"/> gives
/// up with <see cref="FeedBusyException"/>.
/// </summary>
public sealed class FeedRenderGate(FeedOptions options)
{
    private readonly SemaphoreSlim _turns = new(options.MaxConcurrentRenders, options.MaxConcurrentRenders);
    private int _running;
    private int _mostRunning;

    /// <summary>The most renders that ran at once since this instance started (tests and metrics).</summary>
    public int MostRunning => Volatile.Read(ref _mostRunning);

    public async Task<T> RunAsync<T>(Func<Task<T>> render)
    {
        if (!await _turns.WaitAsync(TimeSpan.FromSeconds(options.RenderWaitSeconds))) throw new FeedBusyException();
        try
        {
            var running = Interlocked.Increment(ref _running);
            for (var most = Volatile.Read(ref _mostRunning); running > most; most = Volatile.Read(ref _mostRunning))
                Interlocked.CompareExchange(ref _mostRunning, running, most);
            return await render();
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            _turns.Release();
        }
    }
}
