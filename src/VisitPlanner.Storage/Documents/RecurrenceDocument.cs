using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Domain.Recurrence;

namespace VisitPlanner.Storage.Documents;

/// <summary>
/// A series inside an event document (schema 3): the rule as given, the holiday adjustments settled when it was written,
/// and the exceptions. Storage's own shape, like the rest of <see cref="EventDocument"/>.
/// </summary>
internal static class RecurrenceDocument
{
    private static readonly string[] Frequencies = ["daily", "weekly", "monthly", "workdays"];
    private static readonly string[] Policies = ["skip", "nextWorkday", "keep"];
    private static readonly string[] EffectKinds = ["skipped", "moved", "added"];

    public static void Write(Utf8JsonWriter writer, EventRecurrence recurrence)
    {
        var rule = recurrence.Rule;
        writer.WriteStartObject("recurrence");
        writer.WriteString("frequency", Frequencies[(int)rule.Frequency]);
        writer.WriteNumber("interval", rule.Interval);
        if (rule.ByDay.Count > 0)
        {
            writer.WriteStartArray("byDay");
            foreach (var day in rule.ByDay) writer.WriteStringValue(day.Code);
            writer.WriteEndArray();
        }
        if (rule.ByMonthDay.Count > 0)
        {
            writer.WriteStartArray("byMonthDay");
            foreach (var day in rule.ByMonthDay) writer.WriteNumberValue(day);
            writer.WriteEndArray();
        }
        if (rule.Until is { } until) writer.WriteString("until", Date(until));
        if (rule.Count is { } count) writer.WriteNumber("count", count);
        writer.WriteString("holidays", Policies[(int)rule.Holidays]);
        Dates(writer, "extraDates", rule.ExtraDates);
        writer.WriteEndObject();

        var holidays = recurrence.Holidays;
        writer.WriteStartObject("holidays");
        writer.WriteString("lastDate", Date(holidays.LastDate));
        writer.WriteStartArray("effects");
        foreach (var effect in holidays.Effects)
        {
            writer.WriteStartObject();
            writer.WriteString("date", Date(effect.Date));
            writer.WriteString("kind", EffectKinds[(int)effect.Kind]);
            writer.WriteString("name", effect.Name);
            if (effect.MovedTo is { } to) writer.WriteString("movedTo", Date(to));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("unchecked");
        foreach (var range in holidays.Unchecked)
        {
            writer.WriteStartObject();
            writer.WriteString("from", Date(range.Start));
            writer.WriteString("to", Date(range.End));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();

        if (recurrence.Exceptions.Count == 0) return;
        writer.WriteStartArray("exceptions");
        foreach (var exception in recurrence.Exceptions)
        {
            writer.WriteStartObject();
            writer.WriteString("date", Date(exception.Date));
            if (exception.Cancelled) writer.WriteBoolean("cancelled", true);
            EventDocument.Optional(writer, "title", exception.Title);
            EventDocument.Optional(writer, "speaker", exception.Speaker);
            EventDocument.Optional(writer, "notes", exception.Notes);
            if (exception.Location is { } place) EventDocument.WritePlace(writer, place);
            if (exception.Items.Count > 0)
            {
                writer.WriteStartArray("items");
                foreach (var item in exception.Items)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", item.ItemId);
                    EventDocument.WriteTiming(writer, item.Timing);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>The series of the document <paramref name="root"/> (its <c>recurrence</c>, <c>holidays</c>, <c>exceptions</c>); item overrides take their template item's zone.</summary>
    public static EventRecurrence Read(JsonElement recurrence, JsonElement root, IReadOnlyList<ItineraryItem> template)
    {
        var rule = new RecurrenceRule(
            Choice<RecurrenceFrequency>(Frequencies, recurrence.GetProperty("frequency").GetString()!, "frequency"),
            recurrence.GetProperty("interval").GetInt32(),
            recurrence.TryGetProperty("byDay", out var byDay)
                ? byDay.EnumerateArray().Select(d => WeekdayRule.Parse(d.GetString()!, allowOrdinal: true) ?? throw new InvalidDataException($"byDay '{d.GetString()}' is not a weekday")).ToArray()
                : [],
            recurrence.TryGetProperty("byMonthDay", out var byMonthDay) ? byMonthDay.EnumerateArray().Select(d => d.GetInt32()).ToArray() : [],
            recurrence.TryGetProperty("until", out var until) ? Date(until) : null,
            recurrence.TryGetProperty("count", out var count) ? count.GetInt32() : null,
            Choice<HolidayPolicy>(Policies, recurrence.GetProperty("holidays").GetString()!, "holidays"),
            recurrence.TryGetProperty("extraDates", out var extra) ? extra.EnumerateArray().Select(Date).ToArray() : []);
        var holidaysElement = root.GetProperty("holidays");
        var holidays = new HolidayAdjustments(
            Date(holidaysElement.GetProperty("lastDate")),
            holidaysElement.GetProperty("effects").EnumerateArray().Select(e => new HolidayEffect(
                Date(e.GetProperty("date")),
                Choice<HolidayEffectKind>(EffectKinds, e.GetProperty("kind").GetString()!, "effect kind"),
                e.GetProperty("name").GetString()!,
                e.TryGetProperty("movedTo", out var to) ? Date(to) : null)).ToArray(),
            holidaysElement.GetProperty("unchecked").EnumerateArray().Select(r => new DateInterval(Date(r.GetProperty("from")), Date(r.GetProperty("to")))).ToArray());
        var exceptions = root.TryGetProperty("exceptions", out var list)
            ? list.EnumerateArray().Select(e => ReadException(e, template)).ToArray()
            : [];
        return new EventRecurrence(rule, holidays, exceptions);
    }

    private static OccurrenceException ReadException(JsonElement exception, IReadOnlyList<ItineraryItem> template) =>
        new(Date(exception.GetProperty("date")),
            exception.TryGetProperty("cancelled", out var cancelled) && cancelled.GetBoolean(),
            EventDocument.OptionalString(exception, "title"),
            EventDocument.OptionalString(exception, "speaker"),
            EventDocument.OptionalString(exception, "notes"),
            exception.TryGetProperty("location", out var location) ? EventDocument.ReadPlace(location) : null)
        {
            Items = exception.TryGetProperty("items", out var items)
                ? items.EnumerateArray().Select(i =>
                {
                    var id = i.GetProperty("id").GetString()!;
                    var zone = template.FirstOrDefault(t => t.Id == id)?.Timing.Zone ?? throw new InvalidDataException($"an exception retimes item '{id}', which the template does not have");
                    return new ItemTimeOverride(id, EventDocument.ReadTiming(i, zone));
                }).ToArray()
                : [],
        };

    /// <summary>The enum value whose position <paramref name="name"/> has in <paramref name="names"/> (written in that order).</summary>
    private static T Choice<T>(string[] names, string name, string what) where T : struct, Enum
    {
        var index = Array.IndexOf(names, name);
        return index >= 0 ? (T)Enum.ToObject(typeof(T), index) : throw new InvalidDataException($"{what} '{name}' is not one this version knows");
    }

    private static void Dates(Utf8JsonWriter writer, string name, IReadOnlyList<LocalDate> dates)
    {
        if (dates.Count == 0) return;
        writer.WriteStartArray(name);
        foreach (var date in dates) writer.WriteStringValue(Date(date));
        writer.WriteEndArray();
    }

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static LocalDate Date(JsonElement value) => LocalDatePattern.Iso.Parse(value.GetString()!).GetValueOrThrow();
}
