using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace VisitPlanner.Core.Holidays;

/// <summary>
/// China's working calendar from the holiday schedules loaded: Monday to Friday are working days and weekends are not,
/// except the days a schedule lists (days off, and weekend days worked). A schedule is named by the year of its notice,
/// and a break that spans New Year may sit in the next year's file, so where two files list one date the later one wins.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>How far <see cref="NextWorkday"/> looks: the longest break (Spring Festival, National Day) is nine days.</summary>
    public const int MaxDaysToNextWorkday = 31;

    public static readonly WorkingCalendar Empty = new([]);

    private readonly Dictionary<LocalDate, HolidayDay> _days = [];
    private readonly HashSet<int> _years;

    public WorkingCalendar(IEnumerable<HolidaySchedule> schedules)
    {
        var ordered = schedules.OrderBy(s => s.Year).ToArray();
        foreach (var schedule in ordered)
        {
            foreach (var day in schedule.Days) _days[day.Date] = day;
        }
        _years = ordered.Select(s => s.Year).ToHashSet();
        Years = _years.Order().ToArray();
        Version = VersionOf(ordered);
    }

    /// <summary>The years whose schedules are loaded.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>A short hash of every loaded schedule (its notices and days): it changes when any of them does, and only then.</summary>
    public string Version { get; }

    /// <summary>
    /// Whether the loaded schedules say what <paramref name="date"/> is: its year's is loaded, and for 25–31 December the
    /// next year's too, whose notice may announce a New Year break or make-up day in late December.
    /// </summary>
    public bool Covers(LocalDate date) =>
        _years.Contains(date.Year) && (date is not { Month: 12, Day: >= 25 } || _years.Contains(date.Year + 1));

    public HolidayDay? DayOf(LocalDate date) => _days.GetValueOrDefault(date);

    /// <summary>A statutory day off (法定节假日, or a weekend day moved into the break).</summary>
    public bool IsOffDay(LocalDate date) => DayOf(date) is { IsOffDay: true };

    public bool IsWorkday(LocalDate date) => DayOf(date) is { } listed ? !listed.IsOffDay : date.DayOfWeek < IsoDayOfWeek.Saturday;

    /// <summary>The first working day after <paramref name="date"/>, make-up working days included.</summary>
    public LocalDate NextWorkday(LocalDate date)
    {
        for (var next = date.PlusDays(1); next <= date.PlusDays(MaxDaysToNextWorkday); next = next.PlusDays(1))
        {
            if (IsWorkday(next)) return next;
        }
        throw new InvalidOperationException($"No working day follows {date:yyyy-MM-dd} within {MaxDaysToNextWorkday} days; the holiday schedules are not plausible.");
    }

    /// <summary>
    /// The first 16 hex digits of a SHA-256 over every schedule, year by year: its notices and its days. Each text is
    /// length-prefixed, so no two different schedules can write the same bytes.
    /// </summary>
    private static string VersionOf(IEnumerable<HolidaySchedule> schedules)
    {
        var text = new StringBuilder();
        void Add(string value) => text.Append(value.Length).Append(':').Append(value);
        foreach (var schedule in schedules)
        {
            text.Append('Y').Append(schedule.Year).Append(' ').Append(schedule.Papers.Count).Append(' ');
            foreach (var paper in schedule.Papers) Add(paper);
            text.Append(schedule.Days.Count).Append(' ');
            foreach (var day in schedule.Days)
            {
                text.Append(day.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).Append(day.IsOffDay ? '+' : '-');
                Add(day.Name);
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 8));
    }
}
