using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using NodaTime;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>A poll's conditional headers (<c>If-None-Match</c>, <c>If-Modified-Since</c>), read with ASP.NET Core's typed headers.</summary>
public static class FeedHeaders
{
    /// <summary>
    /// The copy the poller holds. <c>If-None-Match</c>, when sent at all, decides alone (RFC 9110 section 13.2.2), even
    /// if it parses to no tag: <c>If-Modified-Since</c> is then ignored rather than answering 304 on a date.
    /// </summary>
    public static ClientCopy ClientCopy(HttpRequest request)
    {
        var headers = request.GetTypedHeaders();
        if (request.Headers.ContainsKey(HeaderNames.IfNoneMatch))
        {
            var noneMatch = headers.IfNoneMatch;
            // If-None-Match compares weakly: W/"x" and "x" are the same version.
            var tags = noneMatch.Where(t => !t.Equals(EntityTagHeaderValue.Any)).Select(t => t.Tag.ToString().Trim('"')).ToArray();
            return new ClientCopy.Tagged(tags, noneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any)));
        }
        return headers.IfModifiedSince is { } date ? new ClientCopy.FetchedAt(Instant.FromDateTimeOffset(date)) : Core.Services.ClientCopy.None;
    }

    /// <summary>The feed's ETag header value: strong, quoted.</summary>
    public static string ETag(string opaqueTag) => new EntityTagHeaderValue($"\"{opaqueTag}\"").ToString();
}
