using VisitPlanner.Core.Holidays;

namespace VisitPlanner.Core.Services;

/// <summary>China's working calendar as this instance knows it: the shipped schedules.</summary>
public sealed class HolidayService
{
    private readonly WorkingCalendar _calendar = new(ShippedHolidaySchedules.All);

    public Task<WorkingCalendar> CalendarAsync(CancellationToken cancellationToken) => Task.FromResult(_calendar);
}
