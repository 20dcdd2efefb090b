using System.Text.Json;
using VisitPlanner.Core.Holidays;
using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Tests.Holidays;

/// <summary>
/// The schedules compiled into the app are read without validation (they are ours), so here each must pass the
/// validating reader that a PUT goes through, and come out the same.
/// </summary>
public class ShippedHolidaySchedulesTests
{
    public static TheoryData<int> Years => new() { 2025, 2026 };

    [Theory]
    [MemberData(nameof(Years))]
    public void EachShippedFilePassesTheReaderAPutUses(int year)
    {
        var assembly = typeof(ShippedHolidaySchedules).Assembly;
        using var stream = assembly.GetManifestResourceStream($"holidays.cn.{year}.json")!;
        using var json = JsonDocument.Parse(stream);

        var (read, errors) = HolidayScheduleReader.Read(json.RootElement, year);

        Assert.Empty(errors);
        Assert.Equal(read, Assert.Single(ShippedHolidaySchedules.All, s => s.Year == year));
    }

    [Fact]
    public void TheShippedYearsAre2025And2026()
    {
        Assert.Equal([2025, 2026], ShippedHolidaySchedules.All.Select(s => s.Year));
        var national = ShippedHolidaySchedules.All[1].Days.Where(d => d.Name == "国庆节" && d.IsOffDay).Select(d => d.Date.ToString("yyyy-MM-dd", null));
        Assert.Equal(["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"], national);
    }
}
