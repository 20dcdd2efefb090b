using NCrontab;

namespace VisitPlanner.DevHost.Functions;

/// <summary>
/// A timer trigger's schedule as the Functions host reads it: a six-field NCRONTAB expression
/// ("{second} {minute} {hour} {day} {month} {day-of-week}") or a TimeSpan interval ("00:05:00"), both in UTC.
/// </summary>
public sealed class TimerSchedule
{
    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan? _interval;

    private TimerSchedule(CrontabSchedule? cron, TimeSpan? interval)
    {
        _cron = cron;
        _interval = interval;
    }

    public static TimerSchedule Parse(string expression)
    {
        if (expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 1 && TimeSpan.TryParse(expression, System.Globalization.CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
            return new TimerSchedule(null, interval);
        return new TimerSchedule(CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true }), null);
    }

    /// <summary>The first occurrence strictly after <paramref name="utcNow"/>.</summary>
    public DateTime NextAfter(DateTime utcNow) => _cron is not null ? _cron.GetNextOccurrence(utcNow) : utcNow + _interval!.Value;
}
