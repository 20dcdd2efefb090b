namespace VisitPlanner.Core.Domain;

/// <summary>Where an itinerary item happens. Coordinates are WGS 84 degrees.</summary>
public sealed record Place(string Name, string? Address = null, string? City = null, double? Latitude = null, double? Longitude = null)
{
    /// <summary>Name, address and city as one line, skipping what is missing or repeated.</summary>
    public string ToSingleLine()
    {
        // Written for every VEVENT of a feed, so without a set or a list of its own.
        var address = string.IsNullOrWhiteSpace(Address) || Address == Name ? null : Address;
        var city = string.IsNullOrWhiteSpace(City) || City == Name || City == address ? null : City;
        Span<string?> parts = [null, null, null];
        var count = 0;
        if (!string.IsNullOrWhiteSpace(Name)) parts[count++] = Name;
        if (address is not null) parts[count++] = address;
        if (city is not null) parts[count++] = city;
        return string.Join(", ", parts[..count]);
    }
}
