using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using NodaTime;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>A poll's conditional headers (<c>If-None-Match</c>, <c>If-Modified-Since</c>), read with ASP.NET Core's typed headers.</summary>
public static class FeedHeaders
{
    public static FeedConditions Conditions(HttpRequest request)
    {
        var headers = request.GetTypedHeaders();
        var noneMatch = headers.IfNoneMatch;
        var any = noneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any));
        // If-None-Match compares weakly: W/"x" and "x" are the same version.
        var tags = noneMatch.Where(t => !t.Equals(EntityTagHeaderValue.Any)).Select(t => t.Tag.ToString().Trim('"')).ToArray();
        var since = headers.IfModifiedSince is { } date ? Instant.FromDateTimeOffset(date) : (Instant?)null;
        return new FeedConditions(tags, any, since);
    }

    /// <summary>The feed's ETag header value: strong, quoted.</summary>
    public static string ETag(string opaqueTag) => new EntityTagHeaderValue($"\"{opaqueTag}\"").ToString();
}
