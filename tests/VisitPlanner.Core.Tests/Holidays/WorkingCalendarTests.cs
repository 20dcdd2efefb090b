using NodaTime;
using NodaTime.Text;
using VisitPlanner.Core.Holidays;

namespace VisitPlanner.Core.Tests.Holidays;

/// <summary>
/// China's working calendar on the shipped schedules, with the real dates of 2026 (国庆节 1–7 October, Saturday 10
/// October worked; 春节 15–23 February, Saturdays 14 and 28 February worked), and on hand-made schedules where a rule
/// needs a case the real ones do not have.
/// </summary>
public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Shipped = new(ShippedHolidaySchedules.All);

    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    private static HolidaySchedule Schedule(int year, params (string Date, string Name, bool Off)[] days) =>
        new(year, [$"https://example.org/{year}"], days.Select(d => new HolidayDay(Date(d.Date), d.Name, d.Off)).ToArray());

    [Theory]
    [InlineData("2026-10-01", false, "国庆节")] // Thursday, a day off
    [InlineData("2026-10-03", false, "国庆节")] // Saturday, off anyway and listed
    [InlineData("2026-10-10", true, "国庆节")] // Saturday worked (调休上班)
    [InlineData("2026-09-20", true, "国庆节")] // Sunday worked
    [InlineData("2026-10-08", true, null)] // Thursday after the break: an ordinary weekday
    [InlineData("2026-10-11", false, null)] // Sunday: an ordinary weekend
    [InlineData("2026-02-14", true, "春节")]
    [InlineData("2026-02-23", false, "春节")] // Monday, the last day of the break
    [InlineData("2025-10-08", false, "国庆节、中秋节")]
    public void ListedDaysDecideAndOthersFollowTheWeek(string date, bool workday, string? name)
    {
        Assert.Equal(workday, Shipped.IsWorkday(Date(date)));
        Assert.Equal(name, Shipped.DayOf(Date(date))?.Name);
        Assert.Equal(name is not null && !workday, Shipped.IsOffDay(Date(date)));
    }

    [Theory]
    [InlineData("2026-09-30", "2026-10-08")] // over 国庆节
    [InlineData("2026-10-09", "2026-10-10")] // Friday to the Saturday worked
    [InlineData("2026-02-13", "2026-02-14")] // Friday to the Saturday worked before 春节
    [InlineData("2026-02-14", "2026-02-24")] // over the nine days of 春节
    [InlineData("2026-06-05", "2026-06-08")] // an ordinary Friday to Monday
    [InlineData("2026-10-07", "2026-10-08")] // strictly after: the last day off to the next day
    public void NextWorkdayIsTheFirstWorkingDayStrictlyAfter(string date, string next) =>
        Assert.Equal(Date(next), Shipped.NextWorkday(Date(date)));

    [Fact]
    public void NextWorkdayGivesUpAfterAMonthOfDaysOff()
    {
        var days = Enumerable.Range(0, 40).Select(i => (new LocalDate(2030, 1, 1).PlusDays(i).ToString("yyyy-MM-dd", null), "假", true)).ToArray();
        var calendar = new WorkingCalendar([Schedule(2030, days)]);
        var error = Assert.Throws<InvalidOperationException>(() => calendar.NextWorkday(new LocalDate(2029, 12, 31)));
        Assert.Contains($"{WorkingCalendar.MaxDaysToNextWorkday} days", error.Message);
    }

    [Theory]
    [InlineData("2026-06-01", true)]
    [InlineData("2025-01-01", true)]
    [InlineData("2025-12-31", true)] // 2026's notice is loaded too
    [InlineData("2026-12-24", true)]
    [InlineData("2026-12-25", false)] // 2027's notice may still announce a New Year break or make-up day
    [InlineData("2026-12-31", false)]
    [InlineData("2027-01-04", false)]
    [InlineData("2024-12-31", false)]
    public void CoversAYearWhoseScheduleIsLoadedAndLateDecemberOnlyWithTheNextYears(string date, bool covered) =>
        Assert.Equal(covered, Shipped.Covers(Date(date)));

    [Fact]
    public void WhereTwoFilesListADateTheLaterYearsWinsWhateverTheOrderGiven()
    {
        var earlier = Schedule(2030, ("2030-12-31", "元旦（2030 年通知）", true));
        var later = Schedule(2031, ("2030-12-31", "元旦", false), ("2031-01-01", "元旦", true));
        foreach (var calendar in new[] { new WorkingCalendar([earlier, later]), new WorkingCalendar([later, earlier]) })
        {
            Assert.Equal(new HolidayDay(Date("2030-12-31"), "元旦", false), calendar.DayOf(Date("2030-12-31")));
            Assert.True(calendar.IsWorkday(Date("2030-12-31")));
            Assert.Equal([2030, 2031], calendar.Years);
            Assert.True(calendar.Covers(Date("2030-12-31")));
        }
    }

    [Fact]
    public void TheEmptyCalendarIsTheWeek()
    {
        var empty = WorkingCalendar.Empty;
        Assert.Empty(empty.Years);
        Assert.False(empty.Covers(Date("2026-10-01")));
        Assert.Null(empty.DayOf(Date("2026-10-01")));
        Assert.True(empty.IsWorkday(Date("2026-10-01")));
        Assert.False(empty.IsWorkday(Date("2026-10-10")));
        Assert.Equal(Date("2026-10-12"), empty.NextWorkday(Date("2026-10-09")));
    }

    [Fact]
    public void TheVersionFollowsTheContentAndNothingElse()
    {
        var a = Schedule(2030, ("2030-01-01", "元旦", true), ("2030-01-05", "元旦", false));
        var b = Schedule(2031, ("2031-01-01", "元旦", true));
        var version = new WorkingCalendar([a, b]).Version;
        Assert.Matches("^[0-9a-f]{16}$", version);
        Assert.Equal(version, new WorkingCalendar([b, a]).Version);
        Assert.Equal(version, new WorkingCalendar([Schedule(2030, ("2030-01-01", "元旦", true), ("2030-01-05", "元旦", false)), b]).Version);

        string[] changed =
        [
            new WorkingCalendar([a]).Version,
            new WorkingCalendar([Schedule(2030, ("2030-01-01", "元旦", true), ("2030-01-05", "元旦", true)), b]).Version,
            new WorkingCalendar([Schedule(2030, ("2030-01-01", "新年", true), ("2030-01-05", "元旦", false)), b]).Version,
            new WorkingCalendar([Schedule(2030, ("2030-01-01", "元旦", true)), b]).Version,
            new WorkingCalendar([a with { Papers = ["https://example.org/2030-corrected"] }, b]).Version,
            WorkingCalendar.Empty.Version,
        ];
        Assert.DoesNotContain(version, changed);
        Assert.Equal(changed.Length, changed.Distinct().Count());
        Assert.Equal(WorkingCalendar.Empty.Version, new WorkingCalendar([]).Version);
    }

    [Fact]
    public void TheShippedSchedulesMakeTheirOwnVersion()
    {
        Assert.Equal([2025, 2026], Shipped.Years);
        Assert.Equal(Shipped.Version, new WorkingCalendar(ShippedHolidaySchedules.All).Version);
        Assert.NotEqual(WorkingCalendar.Empty.Version, Shipped.Version);
    }
}
