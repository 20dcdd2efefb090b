using NodaTime;
using VisitPlanner.Core.Feeds.Model;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// Builds a VTIMEZONE (RFC 5545 section 3.6.5) from NodaTime's tzdb for the years a feed's events touch, a year of
/// margin either side. Where a zone changes by a yearly rule, each kind of change is one observance with an RRULE
/// (<c>BYMONTH=3;BYDAY=-1SU</c>): Outlook keeps one STANDARD and one DAYLIGHT rule per zone and, given onsets alone,
/// guesses a rule from a DTSTART ("4th Sunday of March", wrong in years with five). A new block starts only where tzdb's
/// rule itself changes, and only a rule still in force <see cref="YearsOfLookahead"/> years after the span is an RRULE
/// (without UNTIL); changes no yearly rule describes, and those of rules that ended, are written as single onsets, and a zone without changes in the span is one
/// STANDARD: a VTIMEZONE without observances is read as UTC by Outlook.
/// </summary>
public static class VTimeZoneFactory
{
    private const int YearsOfMargin = 1;

    /// <summary>How far past the span a rule is checked before it is written as lasting for good.</summary>
    private const int YearsOfLookahead = 5;

    private static readonly LocalDateTime OpenStart = new(1970, 1, 1, 0, 0);

    public static FeedZone Create(DateTimeZone zone, Instant earliest, Instant latest)
    {
        // Whole years, so the VTIMEZONE of a feed does not change with every event added within them.
        var spanStart = Instant.FromUtc(earliest.InUtc().Year - YearsOfMargin, 1, 1, 0, 0);
        var spanEnd = Instant.FromUtc(latest.InUtc().Year + YearsOfMargin + 1, 1, 1, 0, 0);
        var intervals = zone.GetZoneIntervals(spanStart, spanEnd).ToArray();
        var first = intervals[0];
        if (intervals.Length == 1)
        {
            var onset = first.HasStart ? ZoneTransition.Into(zone, first) : null;
            return new FeedZone(zone.Id, [new ZoneObservance(false, onset?.Onset ?? OpenStart, onset?.From ?? first.WallOffset, first.WallOffset, NameOf(first.Name))]);
        }

        var observances = new List<ZoneObservance>();
        if (!first.HasStart) observances.Add(new ZoneObservance(ZoneTransition.IsDaylight(first, null), OpenStart, first.WallOffset, first.WallOffset, NameOf(first.Name)));
        var horizon = Instant.FromUtc(spanEnd.InUtc().Year + YearsOfLookahead, 1, 1, 0, 0);
        var transitions = zone.GetZoneIntervals(first.HasStart ? first.Start : first.End, horizon)
            .Where(i => i.HasStart)
            .Select(i => ZoneTransition.Into(zone, i));
        var open = new Dictionary<(bool, Offset, Offset, string?), ObservanceRun>();
        var runs = new List<ObservanceRun>();
        foreach (var transition in transitions)
        {
            if (open.TryGetValue(transition.Kind, out var run) && run.TryAdd(transition)) continue;
            // Transitions past the span only serve to confirm that a rule begun within it goes on.
            if (transition.At >= spanEnd)
            {
                open.Remove(transition.Kind);
                continue;
            }
            run = new ObservanceRun(transition);
            open[transition.Kind] = run;
            runs.Add(run);
        }
        var lastYearChecked = horizon.InUtc().Year - 1;
        observances.AddRange(runs.SelectMany(run => Observances(run, forGood: run.Last.Onset.Year >= lastYearChecked)));
        return new FeedZone(zone.Id, observances.OrderBy(o => o.Onset).ToArray());
    }

    /// <summary>
    /// A rule still in force is one observance with an RRULE. A rule that ended is written as its onsets: an RRULE
    /// would need UNTIL in UTC (RFC 5545 section 3.3.10), which python3-icalendar 4 (Debian's) cannot read at all.
    /// </summary>
    private static IEnumerable<ZoneObservance> Observances(ObservanceRun run, bool forGood) =>
        forGood && run.Count > 1 && run.Rule() is { } rule
            ? [Observance(run.First, rule)]
            : run.Transitions.Select(t => Observance(t, null));

    private static ZoneObservance Observance(ZoneTransition transition, YearlyRule? rule) =>
        new(transition.Daylight, transition.Onset, transition.From, transition.To, transition.Name, rule);

    private static string? NameOf(string name) => string.IsNullOrEmpty(name) ? null : name;
}
