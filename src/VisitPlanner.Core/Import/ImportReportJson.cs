using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Import;

/// <summary>An import's report: how many events were created, updated and left unchanged, each entry's event, what was skipped and why, and the warnings.</summary>
public static class ImportReportJson
{
    public static byte[] ToUtf8(ImportProgress progress) => JsonOutput.ToUtf8(writer =>
    {
        writer.WriteStartObject();
        writer.WriteBoolean("dryRun", progress.DryRun);
        writer.WriteNumber("created", progress.Count(ImportResult.Created));
        writer.WriteNumber("updated", progress.Count(ImportResult.Updated));
        writer.WriteNumber("unchanged", progress.Count(ImportResult.Unchanged));
        writer.WriteNumber("cancelled", progress.Count(ImportResult.Cancelled));
        writer.WriteStartArray("events");
        foreach (var entry in progress.Done())
        {
            writer.WriteStartObject();
            writer.WriteString("uid", entry.Uid);
            if (entry.RecurrenceId is { } recurrenceId) writer.WriteString("recurrenceId", recurrenceId);
            writer.WriteNumber("line", entry.Line);
            writer.WriteString("eventId", entry.EventId);
            writer.WriteString("result", entry.Result.ToString().ToLowerInvariant());
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("skipped");
        foreach (var skipped in progress.Skipped())
        {
            writer.WriteStartObject();
            if (skipped.Uid is { } uid) writer.WriteString("uid", uid);
            else writer.WriteNull("uid");
            writer.WriteNumber("line", skipped.Line);
            writer.WriteString("reason", skipped.Reason);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("warnings");
        foreach (var warning in progress.Warnings())
        {
            writer.WriteStartObject();
            writer.WriteString("uid", warning.Uid);
            writer.WriteNumber("line", warning.Line);
            writer.WriteString("message", warning.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    });
}
