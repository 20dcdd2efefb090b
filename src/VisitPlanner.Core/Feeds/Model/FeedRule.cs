namespace VisitPlanner.Core.Feeds.Model;

/// <summary>
/// An RRULE as a feed writes it (RFC 5545 section 3.3.10): FREQ, INTERVAL, BYDAY, BYMONTHDAY and UNTIL, in the value type
/// its DTSTART needs (a DATE for all-day entries, else a UTC date-time).
/// </summary>
public sealed record FeedRule(string Frequency, int Interval, IReadOnlyList<string> ByDay, IReadOnlyList<int> ByMonthDay, FeedTime Until);
