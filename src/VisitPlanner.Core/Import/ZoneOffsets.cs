using NodaTime;

namespace VisitPlanner.Core.Import;

/// <summary>
/// What a zone does over a span of time, which is all a VTIMEZONE can be compared on: the UTC offset in force at the
/// span's start and each change of it within the span. Changes of name or of the split between standard time and
/// saving alone are not changes here, since they move no clock.
/// </summary>
internal sealed record ZoneOffsets(Offset Initial, IReadOnlyList<(Instant At, Offset To)> Changes)
{
    public static ZoneOffsets Of(DateTimeZone zone, Instant start, Instant end)
    {
        var initial = zone.GetUtcOffset(start);
        var changes = new List<(Instant, Offset)>();
        var current = initial;
        foreach (var interval in zone.GetZoneIntervals(start, end))
        {
            if (!interval.HasStart || interval.Start <= start || interval.Start >= end || interval.WallOffset == current) continue;
            changes.Add((interval.Start, interval.WallOffset));
            current = interval.WallOffset;
        }
        return new ZoneOffsets(initial, changes);
    }

    public bool Equals(ZoneOffsets? other) => other is not null && Initial == other.Initial && Changes.SequenceEqual(other.Changes);

    public override int GetHashCode() => HashCode.Combine(Initial, Changes.Count);
}
