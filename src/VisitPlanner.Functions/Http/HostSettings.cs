using System.Text.Json;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// What the app takes from host.json: the HTTP route prefix (extensions.http.routePrefix, "api" by default), which the
/// Functions host puts before every route and so every link must carry. Both hosts read the same file: Azure from the
/// app's folder, the dev host from the repository.
/// </summary>
public sealed record HostSettings(string RoutePrefix)
{
    public const string DefaultRoutePrefix = "api";

    public static HostSettings Load(string hostJsonPath)
    {
        if (!File.Exists(hostJsonPath)) return new HostSettings(DefaultRoutePrefix);
        using var json = JsonDocument.Parse(File.ReadAllText(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var prefix = json.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var routePrefix)
            && routePrefix.ValueKind == JsonValueKind.String
                ? routePrefix.GetString()!
                : DefaultRoutePrefix;
        return new HostSettings(prefix.Trim('/'));
    }

    /// <summary>The ASP.NET Core route template for a function route, as the Functions host composes it.</summary>
    public string Template(string route) => RoutePrefix.Length == 0 ? route : $"{RoutePrefix}/{route}";
}
