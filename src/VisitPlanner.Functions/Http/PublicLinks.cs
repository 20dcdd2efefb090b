using System.Net;
using Microsoft.AspNetCore.Http;
using VisitPlanner.Core.Links;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// The one link builder: the <see cref="SiteLinks"/> a request's answer uses. With <see cref="LinkOptions.PublicBaseUrl"/>
/// configured, that base, always; otherwise the scheme, host and path base the request came with, taking
/// X-Forwarded-Proto and X-Forwarded-Host into account only when the connection comes from a trusted proxy. The route
/// prefix is host.json's. Feed ETags include the origin, so two hosts never share a rendered feed.
/// </summary>
public sealed class PublicLinks
{
    private readonly string? _publicBase;
    private readonly IReadOnlyList<IPNetwork> _trusted;
    private readonly string _routePrefix;

    public PublicLinks(LinkOptions options, HostSettings host)
    {
        _routePrefix = host.RoutePrefix;
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            if (!Uri.TryCreate(options.PublicBaseUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
                // The value is not repeated: a base URL with credentials in it is exactly what must not reach a log.
                throw new InvalidOperationException("VisitPlanner:PublicBaseUrl must be an absolute http(s) URL without query, fragment or credentials, such as https://visits.example.gov.cn; the configured value is not.");
            _publicBase = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }
        var trusted = new List<IPNetwork>();
        foreach (var entry in (options.TrustedProxies ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPNetwork.TryParse(entry, out var network)) trusted.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) trusted.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            else throw new InvalidOperationException($"VisitPlanner:TrustedProxies must list IP addresses or CIDR ranges separated by commas; '{entry}' is neither.");
        }
        _trusted = trusted;
    }

    public SiteLinks For(HttpRequest request) => new(_publicBase ?? RequestOrigin(request), _routePrefix);

    private string RequestOrigin(HttpRequest request)
    {
        var scheme = request.Scheme;
        var host = request.Host;
        if (IsTrusted(request.HttpContext.Connection.RemoteIpAddress))
        {
            if (NearestValue(request.Headers["X-Forwarded-Proto"]) is { } proto && proto.ToLowerInvariant() is "http" or "https") scheme = proto.ToLowerInvariant();
            if (NearestValue(request.Headers["X-Forwarded-Host"]) is { } forwarded && HostString.FromUriComponent(forwarded) is { HasValue: true } parsed
                && Uri.CheckHostName(parsed.Host) != UriHostNameType.Unknown)
                host = parsed;
        }
        return $"{scheme}://{host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
    }

    private bool IsTrusted(IPAddress? remote)
    {
        if (remote is null || _trusted.Count == 0) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return _trusted.Any(n => n.Contains(remote));
    }

    /// <summary>
    /// The last of the header's values: the one the trusted proxy itself added. Proxies append, so every earlier value
    /// came from whoever connected to the proxy, and may be anything a client chose to send.
    /// </summary>
    private static string? NearestValue(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0 ? null : values[^1]!.Split(',', StringSplitOptions.TrimEntries)[^1] is { Length: > 0 } last ? last : null;
}
