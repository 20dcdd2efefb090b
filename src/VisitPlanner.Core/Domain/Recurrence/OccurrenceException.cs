using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Domain.Recurrence;

/// <summary>
/// What an organizer changed about one occurrence, named by its original date: cancelled, or an override of its title,
/// speaker, notes, place (for all of its items) or the times of some items (by the template's item ids). Fields left
/// null keep the template's.
/// </summary>
public sealed record OccurrenceException(LocalDate Date, bool Cancelled, string? Title = null, string? Speaker = null, string? Notes = null, Place? Location = null)
{
    public IReadOnlyList<ItemTimeOverride> Items { get; init; } = [];

    public bool Equals(OccurrenceException? other) =>
        other is not null && Date == other.Date && Cancelled == other.Cancelled && Title == other.Title && Speaker == other.Speaker
        && Notes == other.Notes && Location == other.Location && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => HashCode.Combine(Date, Cancelled, Title, Speaker, Notes, Location, Items.Count);
}
