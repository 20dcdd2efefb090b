using NodaTime;

namespace VisitPlanner.Core.Import;

/// <summary>
/// A STANDARD or DAYLIGHT block of a VTIMEZONE: from <see cref="Start"/> (local, counted in <see cref="From"/>, RFC 5545
/// section 3.6.5) and at each onset of its <see cref="Rule"/> and <see cref="RDates"/>, the zone goes to <see cref="To"/>.
/// </summary>
internal sealed record VTimeZoneObservance(LocalDateTime Start, Offset From, Offset To, ObservanceRule? Rule, IReadOnlyList<LocalDateTime> RDates)
{
    /// <summary>
    /// The instants it begins, up to the end of <paramref name="lastYear"/>. An open-ended rule only needs the years from
    /// <paramref name="firstYear"/> on (its onset a year before says what is in force at the start); a rule that ends
    /// may have ended long before, so it is followed from its start.
    /// </summary>
    public IEnumerable<Instant> Onsets(int firstYear, int lastYear)
    {
        yield return At(Start);
        foreach (var date in RDates) yield return At(date);
        if (Rule is not { } rule) yield break;
        var from = rule.Until is null && rule.Count is null ? Math.Max(Start.Year, firstYear - 1) : Start.Year;
        var to = rule.Count is { } count ? Math.Min(lastYear, Start.Year + count - 1) : lastYear;
        for (var year = from; year <= to; year++)
        {
            if (rule.OnsetIn(year, Start) is not { } onset || onset <= Start) continue;
            if (rule.Until is { } until && After(onset, until)) yield break;
            yield return At(onset);
        }
    }

    private Instant At(LocalDateTime local) => local.WithOffset(From).ToInstant();

    private bool After(LocalDateTime onset, IcsTime until) => until switch
    {
        IcsTime.Utc utc => At(onset) > utc.Value,
        IcsTime.Date date => onset.Date > date.Value,
        IcsTime.Floating floating => onset > floating.Value,
        IcsTime.Zoned zoned => onset > zoned.Value,
        _ => false,
    };
}
