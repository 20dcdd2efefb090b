using NodaTime;

namespace VisitPlanner.Core.Time;

public static class Clocks
{
    /// <summary>Now, to the second: the precision iCalendar and our JSON carry, so stored and rendered times agree.</summary>
    public static Instant Now(IClock clock) => Instant.FromUnixTimeSeconds(clock.GetCurrentInstant().ToUnixTimeSeconds());
}
