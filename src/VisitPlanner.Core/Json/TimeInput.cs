using NodaTime.Text;
using NodaTime;

namespace VisitPlanner.Core.Json;

/// <summary>
/// What a <c>start</c> or <c>end</c> string says: a date (all-day), a local date-time in the item's zone,
/// or an instant (a value with <c>Z</c> or an offset) that is converted into the item's zone.
/// </summary>
public abstract record TimeInput
{
    public sealed record Date(LocalDate Value) : TimeInput;

    public sealed record Local(LocalDateTime Value) : TimeInput;

    public sealed record Absolute(Instant Value) : TimeInput;

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
    ];

    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<Z+HH:mm>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<Z+HH:mm>"),
    ];

    /// <summary>Null when the text is none of the accepted shapes.</summary>
    public static TimeInput? Parse(string text)
    {
        if (text.Length == 10)
        {
            var date = DatePattern.Parse(text);
            return date.Success ? new Date(date.Value) : null;
        }
        foreach (var pattern in LocalPatterns)
        {
            var local = pattern.Parse(text);
            if (local.Success) return new Local(local.Value);
        }
        foreach (var pattern in OffsetPatterns)
        {
            var offset = pattern.Parse(text);
            if (offset.Success) return new Absolute(offset.Value.ToInstant());
        }
        return null;
    }

    public const string AcceptedShapes =
        "an ISO 8601 date (2025-10-15), local date-time (2025-10-15T09:30[:00]) or date-time with offset (2025-10-15T01:30:00Z, 2025-10-15T09:30:00+08:00)";

    public static string Format(LocalDate date) => DatePattern.Format(date);

    public static string Format(LocalDateTime value) => LocalPatterns[0].Format(value);

    public static string Format(Instant instant) => InstantPattern.General.Format(instant);

    /// <summary>"2026-11-01T01:30:00-05:00".</summary>
    public static string Format(OffsetDateTime value) => OffsetPatterns[0].Format(value);

    public static Instant? ParseInstant(string text)
    {
        var result = InstantPattern.General.Parse(text);
        return result.Success ? result.Value : null;
    }
}
