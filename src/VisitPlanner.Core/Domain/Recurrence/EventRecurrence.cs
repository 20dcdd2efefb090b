using NodaTime;

namespace VisitPlanner.Core.Domain.Recurrence;

/// <summary>
/// How an event repeats: its <see cref="Rule"/>, what the working calendar did to its dates when it was last written
/// (<see cref="Holidays"/>, kept with the event so that feeds, pages and listings need no calendar and one revision
/// always shows the same occurrences), and the organizer's <see cref="Exceptions"/> by original date.
/// </summary>
public sealed record EventRecurrence(RecurrenceRule Rule, HolidayAdjustments Holidays, IReadOnlyList<OccurrenceException> Exceptions)
{
    public bool Equals(EventRecurrence? other) =>
        other is not null && Rule == other.Rule && Holidays == other.Holidays && Exceptions.SequenceEqual(other.Exceptions);

    public override int GetHashCode() => HashCode.Combine(Rule, Holidays, Exceptions.Count);

    public OccurrenceException? ExceptionOn(LocalDate date) => Exceptions.FirstOrDefault(e => e.Date == date);
}
