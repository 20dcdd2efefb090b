using NodaTime;

namespace VisitPlanner.Core.Feeds.Model;

/// <summary>A DTSTART or DTEND as a feed writes it: a date (all-day), a local time in a zone (TZID), or a UTC instant.</summary>
public abstract record FeedTime
{
    public sealed record Date(LocalDate Value) : FeedTime;

    public sealed record Zoned(LocalDateTime Value, DateTimeZone Zone) : FeedTime;

    public sealed record Utc(Instant Value) : FeedTime;
}
