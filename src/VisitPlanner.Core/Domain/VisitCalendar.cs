using NodaTime;

namespace VisitPlanner.Core.Domain;

/// <summary>An audience's calendar, such as one zone's "外出考察" calendar. Events are published to one or more.</summary>
public sealed record VisitCalendar(string Id, string Name, string? Description, DateTimeZone TimeZone, Instant UpdatedAt);
