using NodaTime;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// The instants an event may occupy. Everything accepted must be readable back: listings and feeds cover exactly this
/// range when asked for everything, row keys hold four-digit years, and a window's date may name any day in it.
/// </summary>
public static class EventLimits
{
    /// <summary>1901-01-01T00:00Z.</summary>
    public static readonly Instant Earliest = Instant.FromUtc(1901, 1, 1, 0, 0);

    /// <summary>2200-01-01T00:00Z, exclusive.</summary>
    public static readonly Instant Latest = Instant.FromUtc(2200, 1, 1, 0, 0);

    public static bool Contains(Instant instant) => instant >= Earliest && instant < Latest;

    /// <summary>"1901-01-01T00:00:00Z to 2200-01-01T00:00:00Z", for messages.</summary>
    public static string Describe() => $"{NodaTime.Text.InstantPattern.General.Format(Earliest)} to {NodaTime.Text.InstantPattern.General.Format(Latest)}";
}
