using Azure.Data.Tables;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Json;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// The rows derived from an event outside its own partition: one index row in the agenda partition of each
/// calendar it is published to and each person who takes part (carrying the whole event, so a feed reads one
/// partition and nothing else), and one row in the completion index while the event is open. Derived purely
/// from the event, so they can always be recomputed and repaired.
/// </summary>
public static class EventIndexRows
{
    public const string OpenPartition = "open";

    /// <summary>The agendas an event appears in.</summary>
    public static IEnumerable<AgendaKey> Agendas(VisitEvent visit) =>
        visit.Calendars.Select(AgendaKey.Calendar).Concat(visit.PersonIds.Select(AgendaKey.Person));

    /// <summary>The index row of <paramref name="visit"/> in <paramref name="agenda"/>; <paramref name="withdrawnAt"/> marks an event that left it.</summary>
    public static TableEntity AgendaRow(AgendaKey agenda, VisitEvent visit, byte[] document, DateTimeOffset? withdrawnAt = null)
    {
        var row = new TableEntity(Tables.AgendaRows.PartitionKey(agenda), RowKeys.ByEnd(visit.EndsAt, visit.Id))
        {
            ["EventId"] = visit.Id,
            ["StartsAt"] = visit.StartsAt.ToDateTimeOffset(),
            ["EndsAt"] = visit.EndsAt.ToDateTimeOffset(),
            ["Status"] = visit.Status.ToWireName(),
            ["Revision"] = visit.Revision,
            // Always present, so listings can filter on it server-side.
            ["Withdrawn"] = withdrawnAt is not null,
            ["WithdrawnAt"] = withdrawnAt,
        };
        DocumentColumns.Write(row, document);
        return row;
    }

    public static TableEntity? CompletionRow(VisitEvent visit) => visit.Status.IsOpen()
        ? new TableEntity(OpenPartition, RowKeys.ByEnd(visit.EndsAt, visit.Id))
        {
            ["EventId"] = visit.Id,
            ["EndsAt"] = visit.EndsAt.ToDateTimeOffset(),
        }
        : null;

    /// <summary>
    /// A merge into the agenda's profile row, written in the same transaction as its index rows: the profile's
    /// ETag then changes exactly when the agenda's content does, which makes it the feed's version.
    /// </summary>
    public static TableEntity ProfileTouch(string partitionKey, DateTimeOffset now) =>
        new(partitionKey, Tables.AgendaRows.Profile) { ["IndexChangedAt"] = now };

    public static byte[] Document(VisitEvent visit) => EventJsonWriter.ToUtf8(visit);
}
