using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Repositories;

/// <summary>Where calendars are kept. Implemented on Table Storage by VisitPlanner.Storage.</summary>
public interface ICalendarRepository
{
    Task<VisitCalendar?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the calendar; true when it did not exist before.</summary>
    Task<bool> UpsertAsync(VisitCalendar calendar, CancellationToken cancellationToken);
}
