namespace VisitPlanner.Core.Domain;

/// <summary>What only lectures carry: who speaks and which numbered session of a series it is (经开讲堂 第21期).</summary>
public sealed record Lecture(string? Speaker, string? Series, int? SessionNumber)
{
    public bool IsEmpty => Speaker is null && Series is null && SessionNumber is null;

    /// <summary>"经开讲堂 第21期", as a title line says it; just the series name, or just "第21期".</summary>
    public string? ShortLabel => Series is null
        ? SessionNumber is { } n ? $"第{n}期" : null
        : SessionNumber is { } number ? $"{Series} 第{number}期" : Series;

    /// <summary>"经开讲堂 第21期 (session 21)"; just the series name without a number.</summary>
    public string? SessionLabel => Series is null
        ? SessionNumber is { } n ? $"第{n}期 (session {n})" : null
        : SessionNumber is { } number ? $"{Series} 第{number}期 (session {number})" : Series;
}
