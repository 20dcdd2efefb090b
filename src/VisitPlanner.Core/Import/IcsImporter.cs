using System.Text.Json.Nodes;
using NodaTime;
using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Import;

/// <summary>
/// Reads an iCalendar file (an Outlook, Google or Apple export) into the events to post to one calendar
/// (docs/import.md). A file that is not iCalendar fails as a whole (<see cref="IcsSyntaxException"/>); a VEVENT that
/// cannot be imported is skipped with its reason and the rest goes on. VEVENTs sharing a UID are put together whatever
/// their order: a series with its overrides as exceptions, an override without its series as an event of its own.
/// </summary>
public static class IcsImporter
{
    public static ImportPlan Read(string text, string calendarId, DateTimeZone calendarZone, string fallbackOrganizerName) =>
        Plan(ContentLineReader.Read(text), calendarId, calendarZone, fallbackOrganizerName);

    public static ImportPlan Read(ReadOnlySpan<byte> utf8, string calendarId, DateTimeZone calendarZone, string fallbackOrganizerName) =>
        Plan(ContentLineReader.Read(utf8), calendarId, calendarZone, fallbackOrganizerName);

    private static ImportPlan Plan(IReadOnlyList<ContentLine> lines, string calendarId, DateTimeZone calendarZone, string fallbackOrganizerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(calendarId);
        ArgumentException.ThrowIfNullOrWhiteSpace(fallbackOrganizerName);
        var components = ComponentReader.Read(lines).SelectMany(c => c.Components).ToArray();
        var zones = new ZoneResolver(components.Where(c => c.Name == "VTIMEZONE"), calendarZone);
        var context = new ImportContext(calendarId, calendarZone, fallbackOrganizerName.Trim(), zones);
        var events = new List<ImportedEvent>();
        var skipped = new List<SkippedEvent>();

        var read = new List<EventFacts>();
        foreach (var vevent in components.Where(c => c.Name == "VEVENT"))
        {
            try
            {
                read.Add(VEventReader.Read(vevent, context));
            }
            catch (SkipException skip)
            {
                skipped.Add(new SkippedEvent(VEventReader.UidOf(vevent), vevent.Line, skip.Reason));
            }
        }

        var masters = new List<EventFacts>();
        var byUid = new Dictionary<string, EventFacts>(StringComparer.Ordinal);
        foreach (var facts in read.Where(f => f.Overrides is null))
        {
            if (byUid.TryAdd(facts.Uid, facts)) masters.Add(facts);
            else skipped.Add(new SkippedEvent(facts.Uid, facts.Line, $"repeats the UID of the VEVENT at line {byUid[facts.Uid].Line}, which is the one imported"));
        }
        var overrides = read.Where(f => f.Overrides is not null).GroupBy(f => f.Uid, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => OnePerOccurrence(g, skipped), StringComparer.Ordinal);

        foreach (var master in masters) Series(master, overrides.GetValueOrDefault(master.Uid) ?? [], context, events, skipped);
        foreach (var (uid, orphans) in overrides.Where(o => !byUid.ContainsKey(o.Key)))
        {
            foreach (var orphan in orphans) Own(orphan, null, $"its series (UID {uid}) is not in the file: it is imported as an event of its own", context, events, skipped);
        }
        return new ImportPlan(events.OrderBy(e => e.Line).ToArray(), skipped.OrderBy(s => s.Line).ToArray());
    }

    /// <summary>
    /// The overrides of one UID, one per occurrence: of two for the same date the higher SEQUENCE wins (RFC 5545 section
    /// 3.8.7.4), then the later in the file; the other is skipped.
    /// </summary>
    private static IReadOnlyList<EventFacts> OnePerOccurrence(IEnumerable<EventFacts> overrides, List<SkippedEvent> skipped)
    {
        var kept = new List<EventFacts>();
        foreach (var same in overrides.GroupBy(o => o.Overrides!.Date))
        {
            var winner = same.MaxBy(o => (o.Sequence, o.Line))!;
            kept.Add(winner);
            foreach (var loser in same.Where(o => o != winner))
                skipped.Add(new SkippedEvent(loser.Uid, loser.Line, $"overrides the same occurrence ({TimeInput.Format(loser.Overrides!.Date)}) as the VEVENT at line {winner.Line}, which is newer (SEQUENCE, then order in the file) and imported"));
        }
        return kept.OrderBy(o => o.Line).ToArray();
    }

    private static void Series(EventFacts master, IReadOnlyList<EventFacts> overrides, ImportContext context, List<ImportedEvent> events, List<SkippedEvent> skipped)
    {
        var warnings = new List<string>(master.Warnings);
        if (master.Cancelled)
        {
            Skip(master, "cancelled in the source", overrides, skipped, cancelledInSource: true);
            return;
        }
        ImportedSeries? series;
        try
        {
            series = SeriesReader.Read(master, warnings);
        }
        catch (SkipException skip)
        {
            Skip(master, skip.Reason, overrides, skipped);
            return;
        }
        if (series is null)
        {
            if (master.ExDates.Count > 0) warnings.Add(ImportWarnings.At(master.ExDates[0].Source, "is for a series, and this event does not recur: left aside"));
            events.Add(new ImportedEvent(master.Uid, null, master.Line, EventBody.Build(master, context, warnings), warnings.Distinct().ToArray()));
            foreach (var over in overrides)
                Own(over, master, $"its UID's VEVENT (line {master.Line}) does not recur: it is imported as an event of its own", context, events, skipped);
            return;
        }
        // Keyed by the ISO date, whose order as text is the order of the dates.
        var exceptions = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var date in series.Excluded) exceptions[TimeInput.Format(date)] = new JsonObject { ["date"] = TimeInput.Format(date), ["status"] = "cancelled" };
        foreach (var over in overrides)
        {
            var outcome = OverrideMerger.Merge(master, series, over, context, warnings);
            // What was read differently in a merged override (its notes cut, its zone guessed) is said on its series.
            if (outcome is { SkipReason: null, OwnEvent: null }) warnings.AddRange(over.Warnings);
            if (outcome.SkipReason is { } reason) skipped.Add(new SkippedEvent(over.Uid, over.Line, reason));
            if (outcome.Exception is { } exception) exceptions[(string)exception["date"]!] = exception;
            if (outcome.OwnEvent is { } why) Own(over, master, why, context, events, skipped);
        }
        events.Add(new ImportedEvent(master.Uid, null, master.Line, EventBody.Build(master, context, warnings, series, exceptions.Values.ToArray()), warnings.Distinct().ToArray()));
    }

    /// <summary>A series that is not imported takes its overrides with it: they would otherwise stand for it. Its reason is its own line of the report.</summary>
    private static void Skip(EventFacts master, string reason, IReadOnlyList<EventFacts> overrides, List<SkippedEvent> skipped, bool cancelledInSource = false)
    {
        skipped.Add(new SkippedEvent(master.Uid, master.Line, reason, cancelledInSource));
        foreach (var over in overrides) skipped.Add(new SkippedEvent(over.Uid, over.Line, $"overrides an occurrence of the series at line {master.Line}, which is not imported"));
    }

    /// <summary>An override as an event of its own, named by its UID and RECURRENCE-ID; what it leaves out it takes from its series, if that is in the file.</summary>
    private static void Own(EventFacts over, EventFacts? master, string why, ImportContext context, List<ImportedEvent> events, List<SkippedEvent> skipped)
    {
        if (over.Cancelled)
        {
            skipped.Add(new SkippedEvent(over.Uid, over.Line, "cancelled in the source"));
            return;
        }
        var facts = over with { Title = over.Title ?? master?.Title, Kind = over.Kind ?? master?.Kind, Organizer = over.Organizer ?? master?.Organizer };
        if (facts.Title is null || facts.Timing is null)
        {
            skipped.Add(new SkippedEvent(over.Uid, over.Line, facts.Title is null ? "has no SUMMARY: an event needs a title" : "has no DTSTART: an event needs a start"));
            return;
        }
        var warnings = new List<string>(over.Warnings) { why };
        if (over.Rules.Count + over.RDates.Count + over.ExDates.Count > 0)
            warnings.Add("its RRULE, RDATE and EXDATE are left aside: a VEVENT with a RECURRENCE-ID is one occurrence");
        events.Add(new ImportedEvent(over.Uid, over.Overrides!.Written, over.Line, EventBody.Build(facts, context, warnings), warnings.Distinct().ToArray()));
    }
}
