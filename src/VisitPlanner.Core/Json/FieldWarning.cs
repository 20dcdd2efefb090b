namespace VisitPlanner.Core.Json;

/// <summary>Something accepted, but read differently from how it was sent: the field's JSON path and what was made of it.</summary>
public sealed record FieldWarning(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
