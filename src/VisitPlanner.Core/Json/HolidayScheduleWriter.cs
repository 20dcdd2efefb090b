using VisitPlanner.Core.Holidays;

namespace VisitPlanner.Core.Json;

/// <summary>
/// A holiday schedule as <c>GET /api/holidays/cn/{year}</c> answers it: the holiday-cn format itself, so the answer can
/// be saved as a file, compared with the data set, or PUT back unchanged.
/// </summary>
public static class HolidayScheduleWriter
{
    public static byte[] ToUtf8(HolidaySchedule schedule) => JsonOutput.ToUtf8(writer =>
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
            writer.WriteString("name", day.Name);
            writer.WriteString("date", TimeInput.Format(day.Date));
            writer.WriteBoolean("isOffDay", day.IsOffDay);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    });
}
