using Microsoft.Azure.Functions.Worker;

namespace VisitPlanner.DevHost.Functions;

/// <summary>
/// Runs every timer function on its schedule (UTC, as in Azure). Like the Functions host it does not retry
/// a failed run; it logs it and waits for the next occurrence.
/// </summary>
public sealed class TimerRunner(FunctionCatalog catalog, IServiceScopeFactory scopes, TimeProvider time, ILogger<TimerRunner> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Timers.Select(timer => RunOnScheduleAsync(timer, stoppingToken)));

    private async Task RunOnScheduleAsync(TimerFunction timer, CancellationToken stoppingToken)
    {
        var schedule = TimerSchedule.Parse(timer.Schedule);
        DateTime? last = null;
        if (timer.RunOnStartup)
        {
            await RunOnceAsync(timer, last, schedule, stoppingToken);
            last = time.GetUtcNow().UtcDateTime;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var next = schedule.NextAfter(now);
            try
            {
                await Task.Delay(next - now, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await RunOnceAsync(timer, last, schedule, stoppingToken);
            last = next;
        }
    }

    /// <summary>Runs one timer function now, as the Functions host's admin endpoint does; returns whether it succeeded.</summary>
    public async Task<bool> RunOnceAsync(TimerFunction timer, DateTime? last, TimerSchedule schedule, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var info = new TimerInfo
        {
            IsPastDue = false,
            ScheduleStatus = new ScheduleStatus { Last = last ?? DateTime.MinValue, Next = schedule.NextAfter(now), LastUpdated = now },
        };
        using var scope = scopes.CreateScope();
        try
        {
            await FunctionInvoker.InvokeTimerAsync(timer, scope.ServiceProvider, info, cancellationToken);
            logger.LogInformation("Executed '{Function}' (timer)", timer.Name);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Timer function '{Function}' failed; it runs again at its next occurrence", timer.Name);
            return false;
        }
    }
}
