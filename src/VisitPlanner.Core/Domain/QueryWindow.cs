using NodaTime;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// The instants [<see cref="From"/>, <see cref="To"/>) a listing, page or feed covers; events overlapping it are in, and
/// so is an event of no length at any instant in it, <see cref="From"/> included.
/// </summary>
public readonly record struct QueryWindow(Instant From, Instant To)
{
    /// <summary>The earliest instant any event may touch (see <see cref="EventLimits"/>): an open start.</summary>
    public static readonly Instant OpenStart = EventLimits.Earliest;

    /// <summary>The latest instant any event may touch: an open end.</summary>
    public static readonly Instant OpenEnd = EventLimits.Latest;

    public static readonly QueryWindow All = new(OpenStart, OpenEnd);

    public Duration Length => To - From;

    /// <summary>Whether [<paramref name="start"/>, <paramref name="end"/>) overlaps the window, as this type counts overlap.</summary>
    public bool Overlaps(Instant start, Instant end) => start < To && (end > From || start >= From);
}
