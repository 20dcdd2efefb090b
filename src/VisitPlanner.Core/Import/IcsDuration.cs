using NodaTime;

namespace VisitPlanner.Core.Import;

/// <summary>
/// A DURATION (RFC 5545 section 3.3.6), <c>P1W</c>, <c>P2D</c>, <c>PT1H30M</c>, <c>-P1DT2H</c>: weeks and days are
/// nominal (a day is a calendar day, 23 or 25 hours across a daylight-saving change), hours, minutes and seconds exact,
/// which is why the two are kept apart.
/// </summary>
internal sealed record IcsDuration(bool Negative, int Days, Duration Time)
{
    /// <summary>Longer than any event: a bound that keeps arithmetic on dates in range.</summary>
    private const int MaxDays = 100_000;

    public bool IsZero => Days == 0 && Time == Duration.Zero;

    public static IcsDuration? Parse(string text)
    {
        text = text.Trim().ToUpperInvariant();
        var negative = text.StartsWith('-');
        if (text.StartsWith('-') || text.StartsWith('+')) text = text[1..];
        if (!text.StartsWith('P') || text.Length < 3) return null;
        var days = 0L;
        var seconds = 0L;
        var inTime = false;
        var number = -1L;
        var units = "";
        foreach (var c in text[1..])
        {
            if (char.IsAsciiDigit(c))
            {
                number = Math.Max(number, 0) * 10 + (c - '0');
                if (number > MaxDays * 86_400L) return null;
                continue;
            }
            if (c == 'T' && !inTime && number < 0)
            {
                inTime = true;
                continue;
            }
            if (number < 0) return null;
            var unit = (inTime, c) switch
            {
                (false, 'W') => "W", (false, 'D') => "D", (true, 'H') => "H", (true, 'M') => "M", (true, 'S') => "S", _ => null,
            };
            // Each unit at most once; weeks stand alone (dur-week).
            if (unit is null || units.Contains(unit, StringComparison.Ordinal)) return null;
            units += unit;
            switch (unit)
            {
                case "W": days += number * 7; break;
                case "D": days += number; break;
                case "H": seconds += number * 3600; break;
                case "M": seconds += number * 60; break;
                default: seconds += number; break;
            }
            number = -1;
        }
        if (number >= 0 || units.Length == 0 || (units.Contains('W') && units.Length > 1) || days > MaxDays || seconds > MaxDays * 86_400L) return null;
        return new IcsDuration(negative, (int)days, Duration.FromSeconds(seconds));
    }
}
