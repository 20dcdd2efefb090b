using NodaTime;

namespace VisitPlanner.Core.Import;

/// <summary>When an event's one itinerary item is: whole days (the last one inclusive, as the API counts), or from a time to a time.</summary>
internal abstract record ImportedTiming
{
    public sealed record AllDay(LocalDate First, LocalDate Last) : ImportedTiming;

    public sealed record Timed(ImportedTime Start, ImportedTime End) : ImportedTiming;

    /// <summary>The local date it starts on: a series' first occurrence.</summary>
    public LocalDate FirstDate => this switch
    {
        AllDay allDay => allDay.First,
        Timed timed => timed.Start.Local.Date,
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The same local times moved to <paramref name="date"/>: where a series' occurrence on that date would be.</summary>
    public ImportedTiming On(LocalDate date)
    {
        var days = Period.Between(FirstDate, date, PeriodUnits.Days).Days;
        return this switch
        {
            AllDay allDay => new AllDay(date, allDay.Last.PlusDays(days)),
            Timed timed => new Timed(timed.Start with { Local = timed.Start.Local.PlusDays(days) }, timed.End with { Local = timed.End.Local.PlusDays(days) }),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>Whether two timings are the same wall-clock times (texts and instants aside).</summary>
    public bool SameTimes(ImportedTiming other) => (this, other) switch
    {
        (AllDay a, AllDay b) => a == b,
        (Timed a, Timed b) => a.Start.Local == b.Start.Local && a.End.Local == b.End.Local,
        _ => false,
    };
}
