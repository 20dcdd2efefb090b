using NodaTime;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// A numbered series of sessions, such as 经开讲堂: events posted with its id are numbered in turn (第22期), and carry its
/// name. <see cref="NumberFormat"/> says how a number reads ("第{n}期"); a cancelled session keeps its number.
/// </summary>
public sealed record LectureSeries(string Id, string Name, EventKind Kind, IReadOnlyList<string> Calendars, Organizer? Organizer, string NumberFormat, Instant UpdatedAt)
{
    public const string DefaultNumberFormat = "第{n}期";

    public bool Equals(LectureSeries? other) =>
        other is not null && Id == other.Id && Name == other.Name && Kind == other.Kind && Calendars.SequenceEqual(other.Calendars)
        && Organizer == other.Organizer && NumberFormat == other.NumberFormat && UpdatedAt == other.UpdatedAt;

    public override int GetHashCode() => HashCode.Combine(Id, Name, Kind, Calendars.Count, NumberFormat);
}
