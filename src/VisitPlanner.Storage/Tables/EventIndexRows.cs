using Azure.Data.Tables;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Storage.Documents;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// The rows derived from an event outside its own partition, purely from the event, so they can always be recomputed
/// and repaired:
/// <list type="bullet">
/// <item>in each calendar it is published to, an index row carrying the whole event document: a calendar's feed and
/// listing read one partition and nothing else (at most 20 calendars per event);</item>
/// <item>in each person's agenda, a thin index row (id, times, status, revision): a personal feed reads the events it
/// names from the Events table. An event may name 500 people, and a row carrying its document in each would write
/// 500 copies of it;</item>
/// <item>one row in the completion index while the event is open.</item>
/// </list>
/// </summary>
public static class EventIndexRows
{
    public const string OpenPartition = "open";

    /// <summary>What the rows of this code carry: see <see cref="EventDocument"/> for the document's own schema.</summary>
    public const int RowSchema = 2;

    /// <summary>The agendas an event appears in.</summary>
    public static IEnumerable<AgendaKey> Agendas(VisitEvent visit) =>
        visit.Calendars.Select(AgendaKey.Calendar).Concat(visit.PersonIds.Select(AgendaKey.Person));

    /// <summary>
    /// Every index write that brings the index from <paramref name="previous"/>'s rows (null: unknown, or none) to
    /// <paramref name="next"/>'s: a live row in each agenda it is in, a withdrawn row in each it left, and its completion row.
    /// </summary>
    public static IReadOnlyList<IndexWrite> Writes(VisitPlannerTables tables, VisitEvent? previous, VisitEvent next, byte[] document, Instant now)
    {
        var current = Agendas(next).ToHashSet();
        var writes = new List<IndexWrite>();
        var legacyKey = previous is null ? null : RowKeys.ByEnd(previous.EndsAt, previous.Id);
        foreach (var agenda in current) writes.Add(new IndexWrite(tables.Agendas, AgendaRow(agenda, next, document, withdrawnAt: null), TouchProfile: true, legacyKey));
        // An agenda the event left keeps a withdrawn row, so its feed can announce the event as cancelled.
        foreach (var agenda in previous is null ? [] : Agendas(previous).Where(a => !current.Contains(a)))
            writes.Add(new IndexWrite(tables.Agendas, AgendaRow(agenda, next, document, withdrawnAt: now), TouchProfile: true, legacyKey));
        writes.Add(new IndexWrite(tables.Completion, OpenPartition, next.Id, next.Revision, CompletionRow(next), TouchProfile: false, legacyKey));
        return writes;
    }

    /// <summary>The index row of <paramref name="visit"/> in <paramref name="agenda"/>; <paramref name="withdrawnAt"/> marks an event that left it.</summary>
    public static TableEntity AgendaRow(AgendaKey agenda, VisitEvent visit, byte[] document, Instant? withdrawnAt)
    {
        var row = new TableEntity(AgendaRows.PartitionKey(agenda), RowKeys.AgendaRow(visit))
        {
            ["EventId"] = visit.Id,
            ["StartsAt"] = visit.StartsAt.ToDateTimeOffset(),
            ["EndsAt"] = visit.EndsAt.ToDateTimeOffset(),
            ["Status"] = visit.Status.ToWireName(),
            ["Revision"] = visit.Revision,
            // Always present, so listings can filter on it server-side.
            ["Withdrawn"] = withdrawnAt is not null,
            ["WithdrawnAt"] = withdrawnAt?.ToDateTimeOffset(),
            ["SchemaVersion"] = RowSchema,
        };
        if (agenda.Kind == AgendaKind.Calendar) DocumentColumns.Write(row, document, EventDocument.SchemaOf(visit));
        return row;
    }

    public static TableEntity? CompletionRow(VisitEvent visit) => visit.Status.IsOpen()
        ? new TableEntity(OpenPartition, RowKeys.ByEnd(visit.EndsAt, visit.Id))
        {
            ["EventId"] = visit.Id,
            ["EndsAt"] = visit.EndsAt.ToDateTimeOffset(),
            // So the series a new holiday schedule may change are found without reading every open event.
            ["Series"] = visit.Recurrence is not null,
        }
        : null;

    /// <summary>
    /// A merge into the agenda's profile row, written in the same transaction as its index rows: the profile's
    /// ETag then changes exactly when the agenda's content does, which makes it the feed's version.
    /// </summary>
    public static TableEntity ProfileTouch(string partitionKey, Instant now) =>
        new(partitionKey, AgendaRows.Profile) { ["IndexChangedAt"] = now.ToDateTimeOffset() };

    /// <summary>Whether an index row carries the event's document (calendar rows) or only names it (person rows).</summary>
    public static bool CarriesDocument(TableEntity row) => row.ContainsKey(DocumentColumns.ChunkCount);
}

/// <summary>
/// One index partition's part of an event write: the row it should have at <see cref="Revision"/> (null for none), whether
/// the agenda's profile (its feed version) is touched, and the key an earlier version's row had, for rows written before
/// locators existed (schema 1).
/// </summary>
public sealed record IndexWrite(TableClient Table, string PartitionKey, string EventId, int Revision, TableEntity? Row, bool TouchProfile, string? LegacyRowKey)
{
    public IndexWrite(TableClient table, TableEntity row, bool TouchProfile, string? legacyRowKey)
        : this(table, row.PartitionKey, row.GetString("EventId"), row.GetInt32("Revision")!.Value, row, TouchProfile, legacyRowKey)
    {
    }
}
