namespace VisitPlanner.Functions.Http;

/// <summary>Where links point, bound from configuration section <c>VisitPlanner</c> (docs/feeds.md, "Links").</summary>
public sealed class LinkOptions
{
    /// <summary>
    /// The site's public address, e.g. https://visits.example.gov.cn: when set, every absolute link uses it, whatever
    /// the request's Host says. Unset (local use), links follow the request.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Addresses (single IPs or CIDR ranges, comma-separated) of proxies whose X-Forwarded-Proto and X-Forwarded-Host
    /// are believed when <see cref="PublicBaseUrl"/> is unset. Empty by default: forwarded headers are ignored.
    /// </summary>
    public string? TrustedProxies { get; set; }
}
