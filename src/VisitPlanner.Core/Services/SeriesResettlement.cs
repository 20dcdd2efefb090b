using Microsoft.Extensions.Logging;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Domain.Recurrence;
using VisitPlanner.Core.Holidays;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Core.Services;

/// <summary>
/// Settles open series again when a holiday schedule is loaded: a series written before 2027's schedule existed kept
/// its 2027 dates as the rule says; once the schedule is in, they are skipped, moved or added as for a new series. Each
/// changed series is a new revision (its feeds change); bounded per call, and safe to run twice.
/// </summary>
public sealed class SeriesResettlement(IEventRepository events, EventService service, ILogger<SeriesResettlement> logger)
{
    /// <summary>Series looked at per call; a larger backlog is finished by loading the schedule again (the PUT is idempotent).</summary>
    public const int MaxSeries = 1000;

    public sealed record Report(int Checked, int Changed, bool Complete);

    /// <summary>The open series that reach into <paramref name="year"/> (or the late December before it), settled against <paramref name="calendar"/>.</summary>
    public async Task<Report> ResettleAsync(int year, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        // A series ending before 25 December of the year before cannot meet a date the new schedule covers.
        var from = new LocalDate(year - 1, 12, 25).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - Duration.FromDays(1);
        var (seen, changed) = (0, 0);
        CompletionEntry? after = null;
        while (seen < MaxSeries)
        {
            var batch = await events.OpenSeriesAsync(from, Math.Min(100, MaxSeries - seen), cancellationToken, after);
            foreach (var entry in batch)
            {
                seen++;
                if (await ResettleOneAsync(entry.EventId, calendar, cancellationToken)) changed++;
            }
            if (batch.Count == 0 || seen >= MaxSeries) return new Report(seen, changed, batch.Count == 0);
            after = batch[^1];
        }
        return new Report(seen, changed, Complete: false);
    }

    private async Task<bool> ResettleOneAsync(string eventId, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var before = 0;
        var revised = await service.ReviseAsync(eventId, EditPrecondition.Any, requirePrecondition: false, "", visit =>
        {
            before = visit.Revision;
            if (visit.Recurrence is not { } recurrence) return visit;
            var first = SeriesExpansion.FirstDate(visit.Itinerary);
            var settled = HolidayResolver.Resolve(recurrence.Rule, first, calendar);
            // Exceptions on dates the new adjustments no longer have (a make-up day withdrawn) would name no occurrence: kept
            // only while their date still is one.
            var dates = SeriesExpansion.OriginalDates(recurrence.Rule, settled, first).ToHashSet();
            return visit with { Recurrence = recurrence with { Holidays = settled, Exceptions = recurrence.Exceptions.Where(e => dates.Contains(e.Date)).ToArray() } };
        }, cancellationToken);
        if (revised.Problem is { } problem)
        {
            // A cancelled or changed-meanwhile series is left to its next write, which settles it anyway.
            logger.LogInformation("Series {EventId} was not settled again: {Problem}", eventId, problem.Detail);
            return false;
        }
        return revised.Value!.Revision != before;
    }
}
