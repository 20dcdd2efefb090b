using System.Text.Json;

namespace VisitPlanner.Core.Json;

/// <summary>A body may echo its resource's id (GET, edit, PUT back); if it does, it must be the id in the URL.</summary>
public static class BodyIdentity
{
    public static bool Contradicts(JsonElement body, string urlId) =>
        body.ValueKind == JsonValueKind.Object
        && JsonFieldReader.Find(body, "id") is { } bodyId
        && (bodyId.ValueKind != JsonValueKind.String || !bodyId.ValueEquals(urlId));
}
