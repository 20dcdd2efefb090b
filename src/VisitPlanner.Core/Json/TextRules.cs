namespace VisitPlanner.Core.Json;

/// <summary>Limits on one text field.</summary>
/// <param name="MaxLength">In Unicode code points, so a Chinese title gets the same allowance as an English one.</param>
/// <param name="MultiLine">Whether CR, LF and TAB are allowed (descriptions, notes); other control characters never are.</param>
public readonly record struct TextRules(int MaxLength, bool MultiLine = false)
{
    public static readonly TextRules Name = new(200);
    public static readonly TextRules Title = new(200);
    public static readonly TextRules ShortText = new(500);
    public static readonly TextRules LongText = new(8000, MultiLine: true);
}
