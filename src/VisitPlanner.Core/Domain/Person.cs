using NodaTime;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// Someone with a schedule of their own: participants may refer to a person by id, and the person's
/// feed then holds every item they take part in, across all calendars. <see cref="TimeZone"/> is where
/// their personal feed's dates are counted (default Asia/Shanghai).
/// </summary>
public sealed record Person(string Id, string Name, string? Title, string? Organization, string? Email, DateTimeZone TimeZone, Instant UpdatedAt);
