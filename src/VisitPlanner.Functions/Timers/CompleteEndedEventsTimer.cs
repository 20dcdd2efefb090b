using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Timers;

/// <summary>
/// Hourly, five minutes past (UTC NCRONTAB; Flex Consumption has no WEBSITE_TIME_ZONE), marks events whose
/// last item has ended as completed. Timers are not retried and may run late or twice: the work is idempotent.
/// </summary>
public sealed class CompleteEndedEventsTimer(CompletionService completion, ILogger<CompleteEndedEventsTimer> logger)
{
    public const string Schedule = "0 5 * * * *";

    [Function("CompleteEndedEvents")]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue) logger.LogInformation("Running late; catching up on every event that has ended by now");
        await completion.CompleteEndedEventsAsync(cancellationToken);
    }
}
