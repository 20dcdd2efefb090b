using NCrontab;
using VisitPlanner.DevHost.Functions;
using VisitPlanner.Functions.Timers;

namespace VisitPlanner.DevHost.Tests.Functions;

public sealed class TimerScheduleTests
{
    private static DateTime Utc(string instant) =>
        DateTime.Parse(instant, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    [Theory]
    [InlineData("2026-11-26T04:05:00Z", "2026-11-26T05:05:00Z")] // strictly after: an occurrence at "now" is not the next one
    [InlineData("2026-11-26T04:04:59Z", "2026-11-26T04:05:00Z")]
    [InlineData("2026-11-26T04:05:01Z", "2026-11-26T05:05:00Z")]
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01T00:05:00Z")]
    public void Six_field_ncrontab_counts_seconds_first(string now, string expected)
    {
        var next = TimerSchedule.Parse("0 5 * * * *").NextAfter(Utc(now));

        Assert.Equal(Utc(expected), next);
        Assert.Equal(DateTimeKind.Utc, next.Kind);
    }

    [Fact]
    public void The_completion_timer_runs_five_minutes_past_each_hour()
    {
        var schedule = TimerSchedule.Parse(CompleteEndedEventsTimer.Schedule);

        Assert.Equal(Utc("2026-11-26T05:05:00Z"), schedule.NextAfter(Utc("2026-11-26T04:05:00Z")));
        Assert.Equal(Utc("2026-11-26T04:05:00Z"), schedule.NextAfter(Utc("2026-11-26T04:04:59Z")));
    }

    [Fact]
    public void A_seconds_field_fires_within_the_minute()
    {
        var next = TimerSchedule.Parse("*/10 * * * * *").NextAfter(Utc("2026-11-26T04:05:01Z"));

        Assert.Equal(Utc("2026-11-26T04:05:10Z"), next);
    }

    [Theory]
    [InlineData("00:05:00", 5 * 60)]
    [InlineData("01:00:00", 60 * 60)]
    [InlineData("1.00:00:00", 24 * 60 * 60)]
    public void A_timespan_schedule_is_an_interval_from_now(string expression, int seconds)
    {
        var now = Utc("2026-11-26T04:04:59Z");

        Assert.Equal(now.AddSeconds(seconds), TimerSchedule.Parse(expression).NextAfter(now));
    }

    [Theory]
    [InlineData("not a schedule")]
    [InlineData("5 * * * *")] // five-field cron: Azure's NCRONTAB has a seconds field
    [InlineData("0 5 * * * * *")]
    [InlineData("0 61 * * * *")]
    [InlineData("00:00:00")] // a zero interval would spin
    [InlineData("-00:05:00")]
    [InlineData("")]
    public void An_invalid_expression_throws(string expression)
    {
        Assert.Throws<CrontabException>(() => TimerSchedule.Parse(expression));
    }
}
