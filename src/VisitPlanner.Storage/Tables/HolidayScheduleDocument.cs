using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using VisitPlanner.Core.Holidays;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// A holiday schedule as the <c>Holidays</c> table keeps it: storage's own JSON, schema 1,
/// <c>{"year":2027,"papers":["…"],"days":[{"date":"2027-01-01","name":"元旦","off":true}]}</c>. It is not the API's
/// holiday-cn shape, so that the API's format or validation can change without making a stored year unreadable, and it
/// is read without validation: it was validated when it was PUT.
/// </summary>
public static class HolidayScheduleDocument
{
    public const int Schema = 1;

    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(HolidaySchedule schedule)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("year", schedule.Year);
            writer.WriteStartArray("papers");
            foreach (var paper in schedule.Papers) writer.WriteStringValue(paper);
            writer.WriteEndArray();
            writer.WriteStartArray("days");
            foreach (var day in schedule.Days)
            {
                writer.WriteStartObject();
                writer.WriteString("date", LocalDatePattern.Iso.Format(day.Date));
                writer.WriteString("name", day.Name);
                writer.WriteBoolean("off", day.IsOffDay);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The schedule a stored document holds; <see cref="InvalidDataException"/> when it is not one this version can read.</summary>
    public static HolidaySchedule Read(ReadOnlySpan<byte> document, int schema)
    {
        if (schema != Schema) throw new InvalidDataException($"A holiday schedule in schema {schema} is newer than this version reads (schema {Schema}).");
        try
        {
            using var json = JsonDocument.Parse(document.ToArray());
            var root = json.RootElement;
            return new HolidaySchedule(
                root.GetProperty("year").GetInt32(),
                root.GetProperty("papers").EnumerateArray().Select(p => p.GetString()!).ToArray(),
                root.GetProperty("days").EnumerateArray().Select(d => new HolidayDay(Date(d.GetProperty("date")), d.GetProperty("name").GetString()!, d.GetProperty("off").GetBoolean())).ToArray());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or UnparsableValueException)
        {
            throw new InvalidDataException($"A stored holiday schedule cannot be read: {e.Message}", e);
        }
    }

    private static LocalDate Date(JsonElement value) => LocalDatePattern.Iso.Parse(value.GetString()!).GetValueOrThrow();
}
