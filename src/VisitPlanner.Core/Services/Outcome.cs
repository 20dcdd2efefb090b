namespace VisitPlanner.Core.Services;

/// <summary>The result of a service call: a value, or the <see cref="Problem"/> that prevented it. Expected failures are values, not exceptions.</summary>
public readonly record struct Outcome<T>(T? Value, Problem? Problem)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Problem problem) => new(default, problem);
}
