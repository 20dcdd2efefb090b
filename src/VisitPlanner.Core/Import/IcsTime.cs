using NodaTime;
using NodaTime.Text;

namespace VisitPlanner.Core.Import;

/// <summary>
/// A DATE or DATE-TIME value as written (RFC 5545 sections 3.3.4, 3.3.5): a date; a floating time (no zone: local
/// wherever it is read); a UTC time (<c>Z</c>); or a local time in the zone a TZID names. Which it is follows from the
/// value's shape, so a VALUE parameter that contradicts it does not lose the time.
/// </summary>
internal abstract record IcsTime
{
    public sealed record Date(LocalDate Value) : IcsTime;

    public sealed record Floating(LocalDateTime Value) : IcsTime;

    public sealed record Utc(Instant Value) : IcsTime;

    public sealed record Zoned(LocalDateTime Value, string Tzid) : IcsTime;

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");
    private static readonly LocalDateTimePattern DateTimePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");

    /// <summary>The year written, before any zone is applied: it chooses which years a VTIMEZONE is compared over.</summary>
    public int Year => this switch
    {
        Date date => date.Value.Year,
        Floating floating => floating.Value.Year,
        Utc utc => utc.Value.InUtc().Year,
        Zoned zoned => zoned.Value.Year,
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The value of a property, its TZID applying (RFC 5545 ignores a TZID on a UTC or date value); null when it is neither shape.</summary>
    public static IcsTime? Parse(string value, string? tzid)
    {
        value = value.Trim();
        if (value.Length == 8) return DatePattern.Parse(value) is { Success: true } date ? new Date(date.Value) : null;
        var utc = value.EndsWith('Z') || value.EndsWith('z');
        var local = DateTimePattern.Parse(utc ? value[..^1] : value);
        if (!local.Success) return null;
        if (utc) return new Utc(local.Value.InUtc().ToInstant());
        return string.IsNullOrWhiteSpace(tzid) ? new Floating(local.Value) : new Zoned(local.Value, tzid);
    }

    /// <summary>The value of a property line: its TZID applies; a PERIOD (RDATE) is read by its start.</summary>
    public static IcsTime? Parse(ContentLine line, string value) =>
        Parse(line.Parameter("VALUE") == "PERIOD" || value.Contains('/') ? value.Split('/')[0] : value, line.Parameter("TZID"));
}
