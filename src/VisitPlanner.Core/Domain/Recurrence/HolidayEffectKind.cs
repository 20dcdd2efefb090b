namespace VisitPlanner.Core.Domain.Recurrence;

/// <summary>What China's working calendar did to one date of a series.</summary>
public enum HolidayEffectKind
{
    /// <summary>A rule date on a day off that does not take place (EXDATE).</summary>
    Skipped,

    /// <summary>A rule date on a day off moved to the next working day (an override).</summary>
    Moved,

    /// <summary>A make-up working day (调休上班) a workdays series meets on, though the rule alone does not (RDATE).</summary>
    Added,
}
