namespace VisitPlanner.Core.Json;

/// <summary>One thing wrong with a request: the JSON path of the field ("itinerary[2].end") and what is wrong with it.</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
