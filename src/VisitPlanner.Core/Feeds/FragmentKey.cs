using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// Everything the VEVENTs of one agenda entry depend on (<see cref="FeedComposer.Components"/> reads nothing else):
/// the event at its revision, whether and when it left the agenda, its page link (which carries the reader's token),
/// the feed's style, and, only for an entry with tombstones, the day's tombstone cutoff, so that most fragments
/// outlive midnight.
/// </summary>
public readonly record struct FragmentKey(string EventId, int Revision, Instant UpdatedAt, Instant? WithdrawnAt, string? EventUrl, FeedStyle Style, Instant? TombstoneCutoff)
{
    public static FragmentKey Of(FeedSource source, FeedStyle style, AgendaEntry entry)
    {
        var visit = entry.Event;
        var hasTombstones = entry.WithdrawnAt is not null || visit.Status == EventStatus.Cancelled || visit.RemovedItems.Count > 0;
        return new(visit.Id, visit.Revision, visit.UpdatedAt, entry.WithdrawnAt, source.EventUrl(visit.Id), style, hasTombstones ? source.TombstoneCutoff : null);
    }

    /// <summary>The event and revision only: <see cref="EventUrl"/> carries the reader's secret token, which no log line or message may show.</summary>
    public override string ToString() => $"{EventId} revision {Revision}";
}
