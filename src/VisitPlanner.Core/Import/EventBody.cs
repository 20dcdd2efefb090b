using System.Text.Json.Nodes;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Domain.Recurrence;
using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Import;

/// <summary>
/// Writes an imported event as the body of <c>POST /api/events</c> (docs/api.md): one itinerary item with the event's
/// times, place and notes, the organizer and participants, and for a series its recurrence and exceptions. The endpoint
/// posts it through the API's own validation, so nothing here is trusted more than an organizer's JSON would be.
/// </summary>
internal static class EventBody
{
    /// <summary>The item's id: one item per event, and the id an exception's itinerary names to retime it.</summary>
    public const string ItemId = "item";

    public static JsonObject Build(EventFacts facts, ImportContext context, List<string> warnings, ImportedSeries? series = null, IReadOnlyList<JsonObject>? exceptions = null)
    {
        var body = new JsonObject
        {
            ["kind"] = (facts.Kind ?? EventKind.Other).ToWireName(),
            ["title"] = facts.Title,
            ["timeZone"] = facts.Zone.Id,
            ["calendars"] = new JsonArray(context.CalendarId),
        };
        if (facts.Tentative) body["status"] = "tentative";
        var organizer = facts.Organizer;
        if (organizer is null)
        {
            organizer = new ImportedPerson(context.FallbackOrganizer, null);
            warnings.Add($"no ORGANIZER: the organizer is {context.FallbackOrganizer}, the import's default");
        }
        body["organizer"] = Person(organizer);
        if (facts.Participants.Count > 0) body["participants"] = new JsonArray(facts.Participants.Select(p => (JsonNode)Person(p)).ToArray());
        var item = new JsonObject { ["id"] = ItemId, ["title"] = facts.Title };
        Times(facts.Timing!, item);
        if (facts.Location is not null) item["location"] = new JsonObject { ["name"] = facts.Location };
        if (facts.Notes is not null) item["notes"] = facts.Notes;
        body["itinerary"] = new JsonArray(item);
        if (series is not null) body["recurrence"] = Recurrence(series.Rule);
        if (exceptions is { Count: > 0 }) body["exceptions"] = new JsonArray(exceptions.Cast<JsonNode>().ToArray());
        return body;
    }

    /// <summary>Adds <c>start</c> and <c>end</c> to an item: dates for an all-day item (the end its last day), else the times as read.</summary>
    public static JsonObject Times(ImportedTiming timing, JsonObject item)
    {
        switch (timing)
        {
            case ImportedTiming.AllDay allDay:
                item["start"] = TimeInput.Format(allDay.First);
                item["end"] = TimeInput.Format(allDay.Last);
                break;
            case ImportedTiming.Timed timed:
                item["start"] = timed.Start.Text;
                item["end"] = timed.End.Text;
                break;
        }
        return item;
    }

    private static JsonObject Person(ImportedPerson person)
    {
        var json = new JsonObject { ["name"] = person.Name };
        if (person.Email is not null) json["email"] = person.Email;
        return json;
    }

    private static JsonObject Recurrence(RecurrenceRule rule)
    {
        var json = new JsonObject
        {
            ["frequency"] = rule.Frequency switch
            {
                RecurrenceFrequency.Daily => "daily",
                RecurrenceFrequency.Weekly => "weekly",
                RecurrenceFrequency.Monthly => "monthly",
                _ => throw new InvalidOperationException($"An import makes no {rule.Frequency} rule."),
            },
        };
        if (rule.Interval > 1) json["interval"] = rule.Interval;
        if (rule.ByDay.Count > 0) json["byDay"] = new JsonArray(rule.ByDay.Select(d => (JsonNode)d.Code).ToArray());
        if (rule.ByMonthDay.Count > 0) json["byMonthDay"] = new JsonArray(rule.ByMonthDay.Select(d => (JsonNode)d).ToArray());
        if (rule.Until is { } until) json["until"] = TimeInput.Format(until);
        if (rule.Count is { } count) json["count"] = count;
        if (rule.ExtraDates.Count > 0) json["extraDates"] = new JsonArray(rule.ExtraDates.Select(d => (JsonNode)TimeInput.Format(d)).ToArray());
        // An imported series meets when it met where it came from: holidays do not move it.
        json["holidays"] = "keep";
        return json;
    }
}
