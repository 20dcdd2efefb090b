namespace VisitPlanner.Core.Import;

/// <summary>
/// Bounds on one imported file, so a hostile or broken file costs a bounded amount of memory and time: past any of them
/// the file fails as a whole with an <see cref="IcsTooLargeException"/> naming the line.
/// </summary>
public static class ImportLimits
{
    /// <summary>The endpoint refuses larger bodies; checked here too, so the reader is safe on its own.</summary>
    public const int MaxInputOctets = 2 * 1024 * 1024;

    /// <summary>VEVENTs per file: well above a year of a busy zone's calendar, and each becomes a write.</summary>
    public const int MaxEvents = 5000;

    /// <summary>One property, unfolded: a DESCRIPTION with an embedded picture is the largest anyone sends.</summary>
    public const int MaxPropertyOctets = 256 * 1024;

    /// <summary>Components nested in one another (VCALENDAR, VEVENT, VALARM is 3); more is no calendar anyone writes.</summary>
    public const int MaxDepth = 16;
}
