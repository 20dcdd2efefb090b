using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;
using VisitPlanner.Core.Import;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>Importing an iCalendar file (an Outlook, Google or Apple export) into a calendar: docs/import.md.</summary>
public sealed class ImportFunctions(ImportService imports)
{
    [Function("ImportCalendar")]
    public async Task<IActionResult> Import(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.CalendarImport)] HttpRequest request,
        string calendarId, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("text/calendar", StringComparison.OrdinalIgnoreCase))
            return Responses.Problem(new Problem(415, "Unsupported media type", $"Send the file as text/calendar, not '{request.ContentType ?? "nothing"}'.",
                [new FieldError("Content-Type", "must be text/calendar")]));
        if (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return Responses.Problem(new Problem(415, "Unsupported charset", $"Send the file as UTF-8, not charset={mediaType.Charset}.",
                [new FieldError("Content-Type", $"charset must be utf-8, not {mediaType.Charset}")]));
        var dryRun = RequestValues.Query(request, "dryRun") switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw new ProblemException(Problem.Invalid("dryRun", $"must be true or false, not '{other}'")),
        };
        var file = await RequestBody.ReadAsync(request, ImportService.MaxBytes, TooLarge, cancellationToken);
        var progress = new ImportProgress();
        try
        {
            return Responses.From(await imports.ImportAsync(calendarId, file, dryRun, progress, cancellationToken), p => new BytesResult(200, Responses.Json, ImportReportJson.ToUtf8(p)));
        }
        catch (Exception e) when (StorageFailures.IsTransient(e))
        {
            // Each event written so far is whole; say which, and that importing again finishes the rest without duplicates.
            var done = progress.Done();
            return Responses.Problem(Problem.Unavailable(
                $"Storage failed after {done.Count} of {progress.Total} entries were imported ({string.Join(", ", done.Select(d => d.EventId))}); each of those is complete. Import the file again to finish: it updates rather than duplicates.",
                StorageFailures.RetryAfterSeconds(e)));
        }
    }

    private static Problem TooLarge() => new(413, "File too large", $"An import takes at most {ImportService.MaxBytes / (1024 * 1024)} MiB; split the file (by year, for example).",
        [new FieldError("$", $"is larger than {ImportService.MaxBytes / (1024 * 1024)} MiB")]);
}
