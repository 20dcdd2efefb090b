namespace VisitPlanner.Core.Json;

/// <summary>Limits on one text field.</summary>
/// <param name="MaxLength">In Unicode code points, so a Chinese title gets the same allowance as an English one.</param>
/// <param name="MultiLine">Whether CR, LF and TAB are allowed (descriptions, notes); other control characters never are.</param>
/// <param name="Formatted">
/// The value has a format (an id, a zone, a status, an email, a time): an empty or blank string is an error even where
/// the field is optional, since "" is neither a value of that format nor an absent field. A blank free text (a
/// participant's title, notes) means no text, as leaving the field out does.
/// </param>
public readonly record struct TextRules(int MaxLength, bool MultiLine = false, bool Formatted = false)
{
    public static readonly TextRules Name = new(200);
    public static readonly TextRules Title = new(200);
    public static readonly TextRules ShortText = new(500);
    public static readonly TextRules LongText = new(8000, MultiLine: true);

    /// <summary>An id, a zone, a status, a kind: short and formatted.</summary>
    public static readonly TextRules Token = new(200, Formatted: true);

    public static readonly TextRules Email = new(254, Formatted: true);

    /// <summary>A date or date-time.</summary>
    public static readonly TextRules Time = new(40, Formatted: true);
}
