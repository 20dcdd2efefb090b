namespace VisitPlanner.Core.Domain;

/// <summary>What only lectures carry: who speaks and which numbered session of a series it is (经开讲堂 第21期).</summary>
public sealed record Lecture(string? Speaker, string? Series, int? SessionNumber)
{
    /// <summary>The <see cref="LectureSeries"/> that numbered this session, when it was posted with one.</summary>
    public string? SeriesId { get; init; }

    /// <summary>How the number reads: the series' format ("第{n}期"), kept with the event so its feeds need no lookup.</summary>
    public string NumberFormat { get; init; } = LectureSeries.DefaultNumberFormat;

    public bool IsEmpty => Speaker is null && Series is null && SessionNumber is null && SeriesId is null;

    /// <summary>"第21期", by the series' format.</summary>
    public string? NumberLabel => SessionNumber is { } n ? NumberFormat.Replace("{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) : null;

    /// <summary>"经开讲堂 第21期", as a title line says it; just the series name, or just "第21期".</summary>
    public string? ShortLabel => Series is null ? NumberLabel : NumberLabel is { } label ? $"{Series} {label}" : Series;

    /// <summary>"经开讲堂 第21期 (session 21)"; just the series name without a number.</summary>
    public string? SessionLabel => SessionNumber is { } number ? $"{ShortLabel} (session {number})" : Series;
}
