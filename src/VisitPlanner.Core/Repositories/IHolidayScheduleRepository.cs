using VisitPlanner.Core.Holidays;

namespace VisitPlanner.Core.Repositories;

/// <summary>
/// China's holiday schedules loaded at run time, one per year (the year of the State Council's notice), beside the ones
/// shipped with the app: a new year's notice is PUT once published, without a redeploy.
/// </summary>
public interface IHolidayScheduleRepository
{
    /// <summary>The stored schedule of <paramref name="year"/>, or null.</summary>
    Task<HolidaySchedule?> GetAsync(int year, CancellationToken cancellationToken);

    /// <summary>Stores the schedule of its year, replacing what was there; true when that year had none stored.</summary>
    Task<bool> PutAsync(HolidaySchedule schedule, CancellationToken cancellationToken);

    /// <summary>Every stored schedule, earliest year first.</summary>
    Task<IReadOnlyList<HolidaySchedule>> ListAsync(CancellationToken cancellationToken);
}
