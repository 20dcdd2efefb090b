using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Pages;

/// <summary>
/// The days an item is shown on, in its own zone. A timed item's days are those of its instants (<see
/// cref="ItemTiming.ZonedStart"/>, <see cref="ItemTiming.ZonedEnd"/>), not of the local times it was posted with,
/// so a page agrees with the feed even where a daylight-saving gap moved a time; an all-day item keeps its dates.
/// </summary>
public static class ShownDays
{
    public static LocalDate First(ItemTiming timing) => timing.IsAllDay ? timing.FirstDay : timing.ZonedStart.Date;

    /// <summary>The last day, inclusive.</summary>
    public static LocalDate Last(ItemTiming timing) => timing.IsAllDay ? timing.LastDay : timing.ZonedEnd.Date;
}
