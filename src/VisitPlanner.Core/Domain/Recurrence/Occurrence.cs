using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Domain.Recurrence;

/// <summary>
/// One occurrence of a series. <see cref="OriginalDate"/> is its id (the date the rule gave it); <see cref="Itinerary"/>
/// is the template's items on the day it meets, with any overridden times and place; <see cref="Reason"/> says why it
/// moved or was skipped ("国庆节").
/// </summary>
public sealed record Occurrence(
    LocalDate OriginalDate,
    LocalDate Date,
    OccurrenceStatus Status,
    IReadOnlyList<ItineraryItem> Itinerary,
    string? Title,
    string? Speaker,
    string? Notes,
    bool Overridden,
    string? Reason,
    bool HolidayScheduleMissing)
{
    public bool Moved => Date != OriginalDate;

    /// <summary>Value equality including the items (a list compares by reference otherwise).</summary>
    public bool Equals(Occurrence? other) =>
        other is not null && OriginalDate == other.OriginalDate && Date == other.Date && Status == other.Status && Itinerary.SequenceEqual(other.Itinerary)
        && Title == other.Title && Speaker == other.Speaker && Notes == other.Notes && Overridden == other.Overridden && Reason == other.Reason
        && HolidayScheduleMissing == other.HolidayScheduleMissing;

    public override int GetHashCode() => HashCode.Combine(OriginalDate, Date, Status, Itinerary.Count, Title, Overridden, Reason);

    public bool TakesPlace => Status == OccurrenceStatus.Scheduled;

    public Instant StartsAt => Itinerary.Min(i => i.Timing.StartInstant);

    public Instant EndsAt => Itinerary.Max(i => i.Timing.EndInstant);

    /// <summary>
    /// The occurrence as a single event of its own, for what shows an agenda day by day (pages): the series' event with
    /// this occurrence's title, speaker and items, cancelled if the occurrence is.
    /// </summary>
    public VisitEvent AsEvent(VisitEvent series) => series with
    {
        Title = Title ?? series.Title,
        Lecture = Speaker is { } speaker ? (series.Lecture ?? new Lecture(null, null, null)) with { Speaker = speaker } : series.Lecture,
        Itinerary = Itinerary,
        Status = Status == OccurrenceStatus.Cancelled ? EventStatus.Cancelled : series.Status,
        Recurrence = null,
    };

    /// <summary>Whether feeds need an override for it (RECURRENCE-ID): it meets, but not as the template says.</summary>
    public bool DiffersFromTemplate => TakesPlace && (Moved || Overridden);
}
