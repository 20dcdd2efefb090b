using Azure.Data.Tables;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Json;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// The rows derived from an event outside its own partition: one row in each of its calendars' index
/// partitions (carrying the whole event, so a feed reads one partition and nothing else), and one row in
/// the completion index while the event is open. Derived purely from the event, so they can always be
/// recomputed and repaired.
/// </summary>
public static class EventIndexRows
{
    public const string OpenPartition = "open";

    public static IReadOnlyList<TableEntity> CalendarRows(VisitEvent visit, byte[] document)
    {
        var rows = new List<TableEntity>(visit.Calendars.Count);
        foreach (var calendarId in visit.Calendars)
        {
            var row = new TableEntity(calendarId, RowKeys.ByEnd(visit.EndsAt, visit.Id))
            {
                ["EventId"] = visit.Id,
                ["StartsAt"] = visit.StartsAt.ToDateTimeOffset(),
                ["EndsAt"] = visit.EndsAt.ToDateTimeOffset(),
                ["Status"] = visit.Status.ToWireName(),
                ["Revision"] = visit.Revision,
            };
            DocumentColumns.Write(row, document);
            rows.Add(row);
        }
        return rows;
    }

    public static TableEntity? CompletionRow(VisitEvent visit) => visit.Status.IsOpen()
        ? new TableEntity(OpenPartition, RowKeys.ByEnd(visit.EndsAt, visit.Id))
        {
            ["EventId"] = visit.Id,
            ["EndsAt"] = visit.EndsAt.ToDateTimeOffset(),
        }
        : null;

    public static byte[] Document(VisitEvent visit) => EventJsonWriter.ToUtf8(visit);
}
