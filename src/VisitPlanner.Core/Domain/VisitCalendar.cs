using NodaTime;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// An audience's calendar, such as one zone's "外出考察" calendar, with how its feed is presented.
/// Events are published to one or more calendars.
/// </summary>
public sealed record VisitCalendar(string Id, string Name, string? Description, DateTimeZone TimeZone, Instant UpdatedAt)
{
    public Visibility Visibility { get; init; } = Visibility.Private;

    /// <summary>Whether multi-day events also appear as one all-day entry spanning their dates.</summary>
    public bool ShowBanners { get; init; } = true;

    /// <summary>Minutes before each timed item that clients remind; null for no reminders.</summary>
    public int? AlarmMinutesBefore { get; init; } = DefaultAlarmMinutes;

    /// <summary>How often clients are asked to refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL).</summary>
    public int RefreshMinutes { get; init; } = DefaultRefreshMinutes;

    /// <summary>The colour (a CSS3 name, RFC 7986 COLOR) of each kind this calendar sets; the others take <see cref="KindColors"/>'.</summary>
    public IReadOnlyDictionary<EventKind, string> Colors { get; init; } = new Dictionary<EventKind, string>();

    public string ColorOf(EventKind kind) => Colors.TryGetValue(kind, out var color) ? color : KindColors.Default(kind);

    public const int DefaultAlarmMinutes = 30;
    public const int DefaultRefreshMinutes = 60;
}
