using System.Globalization;
using System.Text.Json;
using NodaTime;
using VisitPlanner.Core.Holidays;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Core.Services;

/// <summary>
/// China's working calendar as this instance knows it: the schedules shipped with the app, overlaid by those PUT at run
/// time (a stored year replaces the shipped one), read again after <see cref="HolidayOptions.CacheSeconds"/>; and
/// reading and storing one year's schedule.
/// </summary>
public sealed class HolidayService(IHolidayScheduleRepository schedules, HolidayOptions options, IClock clock)
{
    /// <summary>The years a schedule may be PUT for: those the API's dates can reach (1901 to 2199, <c>EventLimits</c>).</summary>
    public const int MinYear = 1901;

    public const int MaxYear = 2199;

    public sealed record Saved(HolidaySchedule Schedule, bool Created);

    private sealed record Cached(WorkingCalendar Calendar, Instant ReadAt, long Generation);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private Cached? _cached;

    // Raised by every PUT here: a calendar read before it is stale at once, even one a read in flight stores afterwards.
    private long _generation;

    public Duration CacheTime => Duration.FromSeconds(options.CacheSeconds);

    public async Task<WorkingCalendar> CalendarAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } calendar) return calendar;
        // One read at a time: the requests that find the calendar stale together wait for the same read.
        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } read) return read;
            // The calendar is as old as the moment its read began: a PUT elsewhere after that is seen at the next read.
            var (generation, readAt) = (Interlocked.Read(ref _generation), clock.GetCurrentInstant());
            var stored = await schedules.ListAsync(cancellationToken);
            var byYear = ShippedHolidaySchedules.All.ToDictionary(s => s.Year);
            foreach (var schedule in stored) byYear[schedule.Year] = schedule;
            var loaded = new WorkingCalendar(byYear.Values);
            Volatile.Write(ref _cached, new Cached(loaded, readAt, generation));
            return loaded;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>The year's schedule: the one stored, else the one shipped, else 404.</summary>
    public async Task<Outcome<HolidaySchedule>> GetAsync(string year, CancellationToken cancellationToken)
    {
        if (ParseYear(year) is not { } number) return YearProblem(year);
        if (await schedules.GetAsync(number, cancellationToken) is { } stored) return stored;
        if (Shipped(number) is { } shipped) return shipped;
        var shown = number.ToString(CultureInfo.InvariantCulture);
        return new Problem(404, "Not found", $"No holiday schedule of {shown} is loaded; PUT /api/holidays/cn/{shown} once the State Council publishes it.", []);
    }

    /// <summary>
    /// Validates the body as the year's schedule in the holiday-cn format, then stores it, replacing what was stored or
    /// shipped. Created when the year had no schedule at all; nothing is written when the body is refused.
    /// </summary>
    public async Task<Outcome<Saved>> PutAsync(string year, JsonElement body, CancellationToken cancellationToken)
    {
        if (ParseYear(year) is not { } number) return YearProblem(year);
        var (schedule, errors) = HolidayScheduleReader.Read(body, number);
        if (schedule is null) return Problem.Invalid(errors);
        var firstStored = await schedules.PutAsync(schedule, cancellationToken);
        Interlocked.Increment(ref _generation);
        return new Saved(schedule, firstStored && Shipped(number) is null);
    }

    private WorkingCalendar? Fresh()
    {
        var cached = Volatile.Read(ref _cached);
        return cached is not null && cached.Generation == Interlocked.Read(ref _generation) && clock.GetCurrentInstant() < cached.ReadAt + CacheTime
            ? cached.Calendar
            : null;
    }

    private static HolidaySchedule? Shipped(int year) => ShippedHolidaySchedules.All.FirstOrDefault(s => s.Year == year);

    /// <summary>"2027": four ASCII digits, within <see cref="MinYear"/> and <see cref="MaxYear"/>; else null.</summary>
    private static int? ParseYear(string text) =>
        text.Length == 4 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is var year and >= MinYear and <= MaxYear ? year : null;

    private static Problem YearProblem(string text) =>
        Problem.Invalid("year", $"'{text}' is not a year of the working calendar; use four digits from {MinYear} to {MaxYear}, such as 2027");
}
