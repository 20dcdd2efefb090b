namespace VisitPlanner.Core.Domain;

/// <summary>Where an itinerary item happens. Coordinates are WGS 84 degrees.</summary>
public sealed record Place(string Name, string? Address = null, string? City = null, double? Latitude = null, double? Longitude = null)
{
    /// <summary>Name, address and city as one line, skipping what is missing or repeated.</summary>
    public string ToSingleLine() =>
        string.Join(", ", new[] { Name, Address, City }.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct());
}
