using NodaTime;

namespace VisitPlanner.Core.Feeds.Model;

/// <summary>
/// A STANDARD or DAYLIGHT block of a VTIMEZONE: from <see cref="Onset"/> (local time in <see cref="OffsetFrom"/>) the
/// zone is at <see cref="OffsetTo"/>, and again every year by <see cref="Rule"/> when it has one.
/// </summary>
public sealed record ZoneObservance(bool Daylight, LocalDateTime Onset, Offset OffsetFrom, Offset OffsetTo, string? Name, YearlyRule? Rule = null);
