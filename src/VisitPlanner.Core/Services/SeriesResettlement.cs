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
        // A schedule may list dates from 15 December of the year before: a series ending before then meets none of them.
        var from = new LocalDate(year - 1, 12, 15).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - Duration.FromDays(1);
        var (seen, changed, failed) = (0, 0, 0);
        CompletionEntry? after = null;
        while (seen < MaxSeries)
        {
            var batch = await events.OpenSeriesAsync(from, Math.Min(100, MaxSeries - seen), cancellationToken, after);
            foreach (var entry in batch)
            {
                seen++;
                switch (await ResettleOneAsync(entry.EventId, calendar, cancellationToken))
                {
                    case true: changed++; break;
                    case null: failed++; break;
                }
            }
            // Complete only when every series was looked at and none was left unsettled: the same PUT again goes on.
            if (batch.Count == 0 || seen >= MaxSeries) return new Report(seen, changed, batch.Count == 0 && failed == 0);
            after = batch[^1];
        }
        return new Report(seen, changed, Complete: false);
    }

    /// <summary>True when changed, false when it needed no change (or is no longer open), null when it could not be settled.</summary>
    private async Task<bool?> ResettleOneAsync(string eventId, WorkingCalendar calendar, CancellationToken cancellationToken)
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
            // A cancelled or vanished series needs nothing; any other problem leaves it for the next PUT of the schedule.
            if (problem.Status is 404 or 409) return false;
            logger.LogWarning("Series {EventId} was not settled again: {Problem}", eventId, problem.Detail);
            return null;
        }
        return revised.Value!.Revision != before;
    }
}
