namespace VisitPlanner.Core.Domain.Recurrence;

/// <summary>What a series does on a statutory day off (a 法定节假日 or a weekend day moved into the break).</summary>
public enum HolidayPolicy
{
    /// <summary>The occurrence does not take place (an EXDATE in feeds).</summary>
    Skip,

    /// <summary>The occurrence moves to the next working day, make-up working days included (an override in feeds).</summary>
    NextWorkday,

    /// <summary>The occurrence takes place as the rule says.</summary>
    Keep,
}
