using System.Text.Json;
using NodaTime.Text;

namespace VisitPlanner.Core.Holidays;

/// <summary>The holiday schedules compiled into the app (Holidays/Data/cn), read once.</summary>
public static class ShippedHolidaySchedules
{
    private static readonly Lazy<IReadOnlyList<HolidaySchedule>> Loaded = new(Load);

    public static IReadOnlyList<HolidaySchedule> All => Loaded.Value;

    private static IReadOnlyList<HolidaySchedule> Load()
    {
        var assembly = typeof(ShippedHolidaySchedules).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("holidays.cn.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var json = JsonDocument.Parse(stream);
                return Read(json.RootElement);
            })
            .ToArray();
    }

    /// <summary>A file we ship, which tests check against the validating reader: read as it is, without a second validation.</summary>
    private static HolidaySchedule Read(JsonElement root) => new(
        root.GetProperty("year").GetInt32(),
        root.GetProperty("papers").EnumerateArray().Select(p => p.GetString()!).ToArray(),
        root.GetProperty("days").EnumerateArray().Select(d => new HolidayDay(
            LocalDatePattern.Iso.Parse(d.GetProperty("date").GetString()!).GetValueOrThrow(),
            d.GetProperty("name").GetString()!,
            d.GetProperty("isOffDay").GetBoolean())).ToArray());
}
