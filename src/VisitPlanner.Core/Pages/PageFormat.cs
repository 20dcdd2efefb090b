using System.Globalization;
using NodaTime;
using NodaTime.Text;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Pages;

/// <summary>
/// Dates, times and labels for people, in Chinese and English, written out by hand so that no page depends on the
/// host's culture data (ICU may be absent in a container).
/// </summary>
public static class PageFormat
{
    private static readonly string[] ChineseWeekdays = ["", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];
    private static readonly string[] ShortChineseWeekdays = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    private static readonly string[] EnglishWeekdays = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] EnglishMonths = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>"2026年10月15日 星期四".</summary>
    public static string ChineseDay(LocalDate date) => $"{date.Year}年{date.Month}月{date.Day}日 {ChineseWeekdays[(int)date.DayOfWeek]}";

    /// <summary>"Thu 15 Oct 2026".</summary>
    public static string EnglishDay(LocalDate date) => $"{EnglishWeekdays[(int)date.DayOfWeek]} {date.Day} {EnglishMonths[date.Month]} {date.Year}";

    /// <summary>"10月15日 周四".</summary>
    public static string ShortChineseDay(LocalDate date) => $"{date.Month}月{date.Day}日 {ShortChineseWeekdays[(int)date.DayOfWeek]}";

    /// <summary>"Thu 15 Oct".</summary>
    public static string ShortEnglishDay(LocalDate date) => $"{EnglishWeekdays[(int)date.DayOfWeek]} {date.Day} {EnglishMonths[date.Month]}";

    /// <summary>"2026-10-15".</summary>
    public static string IsoDate(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"08:30".</summary>
    public static string Time(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"08:30", or "10-16 08:30" when the time falls on another day than <paramref name="day"/>.</summary>
    public static string TimeOn(LocalDateTime time, LocalDate day) =>
        time.Date == day ? Time(time.TimeOfDay) : $"{time.Date.ToString("MM-dd", CultureInfo.InvariantCulture)} {Time(time.TimeOfDay)}";

    /// <summary>
    /// "08:30" as <see cref="TimeOn(LocalDateTime, LocalDate)"/>, for an instant in a zone. Where that wall-clock time
    /// happens twice (the hour a zone falls back), its UTC offset says which: "02:30 (UTC+02:00)", "02:30 (UTC+01:00)".
    /// </summary>
    public static string TimeOn(ZonedDateTime time, LocalDate day)
    {
        var text = TimeOn(time.LocalDateTime, day);
        return time.Zone.MapLocal(time.LocalDateTime).Count == 2 ? $"{text} (UTC{UtcOffset.Format(time.Offset)})" : text;
    }

    /// <summary>
    /// "08:30–09:30" for a range that starts on <paramref name="day"/>; dates are added to ends on other days. Callers
    /// pass the item's instants in a zone, never its local input: a time in a daylight-saving gap then reads as the feed
    /// has it, moved forward by the gap (02:30 → 03:30).
    /// </summary>
    public static string TimeRange(ZonedDateTime start, ZonedDateTime end, LocalDate day) =>
        start.ToInstant() == end.ToInstant() ? TimeOn(start, day) : $"{TimeOn(start, day)}–{TimeOn(end, start.Date)}";

    private static readonly OffsetPattern UtcOffset = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    /// <summary>"2026-10-10 12:00 Asia/Shanghai": when a page was made, printed at its foot.</summary>
    public static string Moment(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return $"{IsoDate(local.Date)} {Time(local.TimeOfDay)} {zone.Id}";
    }

    /// <summary>"已确认 Confirmed", "待定 Tentative", "已取消 Cancelled", "已结束 Completed".</summary>
    public static string StatusLabel(EventStatus status) => status switch
    {
        EventStatus.Confirmed => "已确认 Confirmed",
        EventStatus.Tentative => "待定 Tentative",
        EventStatus.Cancelled => "已取消 Cancelled",
        _ => "已结束 Completed",
    };
}
