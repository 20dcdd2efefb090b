using NodaTime;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// What a poll needs before it reads any event: the agenda's profile, its version (which changes with
/// every change to anything its feed shows), and the subscription a token names.
/// </summary>
public sealed record AgendaHead(VisitCalendar? Calendar, Person? Person, string Version, Instant LastModified, Subscription? Subscription)
{
    public NodaTime.DateTimeZone TimeZone => Calendar?.TimeZone ?? Person!.TimeZone;

    public string Name => Calendar?.Name ?? Person!.Name;
}
