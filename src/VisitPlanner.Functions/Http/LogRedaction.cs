using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// URLs as they may be logged. A secret belongs in the <c>token</c> (subscription tokens) or <c>code</c> (function keys)
/// query parameter, whose values are replaced by "***"; but clients put them elsewhere too (a token pasted into the path,
/// <c>?token%3D…</c> encoded twice), so the rest is masked by what a secret looks like, not only by where it should be:
/// query parameters the API does not define are "***" name and all, any run of <see cref="SubscriptionToken.SecretLength"/>
/// or more letters and digits (a token's secret part) is "***", and so is every secret the host was told of.
/// </summary>
public static partial class LogRedaction
{
    private const string Mask = "***";

    private static readonly HashSet<string> SecretParameters = new(StringComparer.OrdinalIgnoreCase) { "token", "code" };

    /// <summary>The query parameters the API reads that are not secrets: logged as they are, apart from secret-like runs.</summary>
    private static readonly HashSet<string> PlainParameters = new(StringComparer.Ordinal) { "calendar", "person", "from", "to", "kind", "banners", "series", "dryRun", "pageSize", "continuationToken" };

    public static string PathAndQuery(HttpRequest request, IReadOnlyCollection<string>? secrets = null)
    {
        var text = new StringBuilder(Masked(request.Path.Value ?? "", secrets));
        if (request.QueryString.HasValue)
        {
            var first = true;
            foreach (var pair in request.QueryString.Value!.TrimStart('?').Split('&'))
            {
                var equals = pair.IndexOf('=');
                var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
                text.Append(first ? '?' : '&');
                first = false;
                text.Append(SecretParameters.Contains(name) ? $"{name}={Mask}" : PlainParameters.Contains(name) ? Masked(pair, secrets) : Mask);
            }
        }
        return text.ToString();
    }

    private static string Masked(string text, IReadOnlyCollection<string>? secrets)
    {
        foreach (var secret in secrets ?? [])
        {
            if (secret.Length > 0) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return SecretLike().Replace(text, Mask);
    }

    [GeneratedRegex("[0-9A-Za-z]{32,}")]
    private static partial Regex SecretLike();
}
