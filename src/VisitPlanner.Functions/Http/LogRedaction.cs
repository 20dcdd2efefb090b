using System.Text;
using Microsoft.AspNetCore.Http;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// URLs as they may be logged: the values of query parameters that carry secrets (subscription tokens, and
/// <c>code</c>, which carries function keys) are replaced by "***".
/// </summary>
public static class LogRedaction
{
    private static readonly HashSet<string> SecretParameters = new(StringComparer.OrdinalIgnoreCase) { "token", "code" };

    public static string PathAndQuery(HttpRequest request)
    {
        if (!request.QueryString.HasValue) return request.Path.Value ?? "";
        var query = new StringBuilder();
        foreach (var pair in request.QueryString.Value!.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            query.Append(query.Length == 0 ? '?' : '&');
            query.Append(SecretParameters.Contains(Uri.UnescapeDataString(name)) ? $"{name}=***" : pair);
        }
        return request.Path.Value + query;
    }
}
