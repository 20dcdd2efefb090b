using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Import;

/// <summary>
/// What one VEVENT says, read into the API's terms but not yet into JSON: a series, an override and a single event are
/// all this, and only grouping them by UID says which becomes what. <see cref="Title"/> and <see cref="Timing"/> are
/// null only for an override, which may leave them to its series.
/// </summary>
internal sealed record EventFacts(string Uid, int Line, string? Title, DateTimeZone Zone, ImportedTiming? Timing)
{
    public OverrideOf? Overrides { get; init; }

    public bool Cancelled { get; init; }

    public bool Tentative { get; init; }

    public string? Notes { get; init; }

    public string? Location { get; init; }

    /// <summary>Null when the VEVENT names no organizer.</summary>
    public ImportedPerson? Organizer { get; init; }

    public IReadOnlyList<ImportedPerson> Participants { get; init; } = [];

    /// <summary>Null when no CATEGORIES value names a kind.</summary>
    public EventKind? Kind { get; init; }

    public IReadOnlyList<ContentLine> Rules { get; init; } = [];

    public IReadOnlyList<ContentLine> ExRules { get; init; } = [];

    public IReadOnlyList<ImportedDate> RDates { get; init; } = [];

    public IReadOnlyList<ImportedDate> ExDates { get; init; } = [];

    /// <summary>Whether DTSTART is a UTC time, by which RFC 5545 counts a rule in UTC rather than on the event's wall clock.</summary>
    public bool StartsInUtc { get; init; }

    /// <summary>
    /// For a start in UTC, how many days its local date in <see cref="Zone"/> is after its UTC date (-1, 0 or 1): a
    /// weekly rule's BYDAY, counted in UTC, moves by as many days.
    /// </summary>
    public int UtcDayShift { get; init; }

    public int Sequence { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
