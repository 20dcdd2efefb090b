using NodaTime;

namespace VisitPlanner.Core.Domain.Recurrence;

/// <summary>
/// One BYDAY entry: a weekday, and for monthly rules optionally which of the month's ("1TU" the first Tuesday, "-1FR"
/// the last Friday), as RFC 5545 section 3.3.10 writes it.
/// </summary>
public readonly record struct WeekdayRule(IsoDayOfWeek Day, int? Ordinal = null)
{
    private static readonly string[] Codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public string Code => (Ordinal is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "") + Codes[(int)Day - 1];

    public override string ToString() => Code;

    /// <summary>Null unless <paramref name="text"/> is "MO".."SU", with an ordinal 1 to 5 or -1 to -5 before it when allowed.</summary>
    public static WeekdayRule? Parse(string text, bool allowOrdinal)
    {
        if (text.Length < 2) return null;
        var index = Array.IndexOf(Codes, text[^2..]);
        if (index < 0) return null;
        var prefix = text[..^2];
        if (prefix.Length == 0) return new WeekdayRule((IsoDayOfWeek)(index + 1));
        if (!allowOrdinal || !int.TryParse(prefix, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var ordinal)
            || ordinal is 0 or < -5 or > 5 || prefix.StartsWith('+'))
            return null;
        return new WeekdayRule((IsoDayOfWeek)(index + 1), ordinal);
    }

    /// <summary>Whether <paramref name="date"/> is this weekday, and where an ordinal is given, that one of its month.</summary>
    public bool Matches(LocalDate date)
    {
        if (date.DayOfWeek != Day) return false;
        if (Ordinal is not { } n) return true;
        if (n > 0) return (date.Day - 1) / 7 + 1 == n;
        var daysInMonth = date.Calendar.GetDaysInMonth(date.Year, date.Month);
        return (daysInMonth - date.Day) / 7 + 1 == -n;
    }
}
