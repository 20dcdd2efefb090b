using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Repositories;

/// <summary>Numbered series and the numbers their sessions hold. Numbers are claimed atomically: two posts never get one number.</summary>
public interface ISeriesRepository
{
    Task<LectureSeries?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the series, keeping the numbers claimed; true when it did not exist before.</summary>
    Task<bool> UpsertAsync(LectureSeries series, CancellationToken cancellationToken);

    /// <summary>Claims the number after the highest claimed so far for <paramref name="eventId"/>, and returns it.</summary>
    Task<int> ClaimNextAsync(string seriesId, string eventId, CancellationToken cancellationToken);

    /// <summary>Claims <paramref name="number"/> for <paramref name="eventId"/>; the session that holds it when it is taken, else null.</summary>
    Task<SeriesSession?> ClaimAsync(string seriesId, int number, string eventId, CancellationToken cancellationToken);

    /// <summary>Every claimed number, lowest first.</summary>
    Task<IReadOnlyList<SeriesSession>> SessionsAsync(string seriesId, CancellationToken cancellationToken);
}
