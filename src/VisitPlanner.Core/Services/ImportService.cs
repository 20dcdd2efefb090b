using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Import;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Core.Services;

/// <summary>
/// Imports an iCalendar file into a calendar (docs/import.md): every VEVENT the file's reader makes an event of is posted
/// as an organizer's body would be, under an id derived from the calendar, its UID and RECURRENCE-ID, so importing the
/// same file or a later export again updates those events instead of adding others. Each event is written whole, one at
/// a time a few at once; what was written is in <see cref="ImportProgress"/> even when a later write fails.
/// </summary>
public sealed class ImportService(EventService events, ICalendarRepository calendars)
{
    /// <summary>The largest file accepted: years of a busy calendar's export are far smaller.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>Events written at once.</summary>
    public const int WriteConcurrency = 8;

    public async Task<Outcome<ImportProgress>> ImportAsync(string calendarId, ReadOnlyMemory<byte> file, bool dryRun, ImportProgress progress, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(calendarId) is { } idProblem) return Problem.Invalid("calendarId", idProblem);
        var calendar = await calendars.GetAsync(calendarId, cancellationToken);
        if (calendar is null) return Problem.NotFound($"Calendar '{calendarId}'");
        ImportPlan plan;
        try
        {
            plan = IcsImporter.Read(file.Span, calendarId, calendar.TimeZone, calendar.Name);
        }
        catch (IcsTooLargeException e)
        {
            return Problem.TooLarge($"line {e.Line}", $"{e.Reason}; nothing was imported (split the file)");
        }
        catch (IcsSyntaxException e)
        {
            return Problem.Invalid($"line {e.Line}", $"is not iCalendar (RFC 5545): {e.Reason}; nothing was imported");
        }
        progress.Start(plan, dryRun);
        // After a failure no entry is started, but those under way finish and are reported: an event written is never
        // left out of the report (the loop's own cancellation would stop a writer between its write and its report).
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        await Parallel.ForEachAsync(plan.Events, new ParallelOptions { MaxDegreeOfParallelism = WriteConcurrency, CancellationToken = cancellationToken }, async (entry, _) =>
        {
            if (!failures.IsEmpty) return;
            try
            {
                var json = Encoding.UTF8.GetBytes(entry.Body.ToJsonString());
                using var body = JsonDocument.Parse(json);
                var id = EventIdOf(calendarId, entry.Uid, entry.RecurrenceId);
                var hash = Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 16));
                var imported = await events.ImportAsync(id, body.RootElement, new ImportSource(entry.Uid, entry.RecurrenceId, hash), dryRun, cancellationToken);
                if (imported.Problem is { } problem) progress.Skip(entry, Reason(problem));
                else progress.Done(entry, imported.Value.Result, imported.Value.Event.Id, imported.Value.Warnings);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Enqueue(e);
            }
        });
        if (!failures.IsEmpty) throw failures.Count == 1 ? failures.Single() : new AggregateException(failures);
        // What the source cancelled may have come in with an earlier import: it is cancelled here too, so subscribers hear of it.
        foreach (var cancelled in plan.Skipped.Where(s => s is { CancelledInSource: true, Uid: not null }))
        {
            var id = EventIdOf(calendarId, cancelled.Uid!, null);
            if (await events.CancelImportedAsync(id, dryRun, cancellationToken)) progress.Cancelled(cancelled, id);
        }
        return progress;
    }

    /// <summary>"ics-" and 26 base-32 characters of SHA-256 over calendar, UID and RECURRENCE-ID: stable, and a valid id whatever the UID holds.</summary>
    public static string EventIdOf(string calendarId, string uid, string? recurrenceId)
    {
        const string alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{calendarId}\n{uid}\n{recurrenceId}"));
        return "ics-" + string.Create(26, hash, (span, bytes) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[bytes[i] & 31];
        });
    }

    private static string Reason(Problem problem) =>
        problem.Errors.Count == 0 ? problem.Detail : string.Join("; ", problem.Errors.Select(e => e.ToString()));
}
