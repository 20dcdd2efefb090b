using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>An event's revision as an HTTP entity tag, both ways: <c>ETag: "r3"</c> out, <c>If-Match</c> in, through ASP.NET Core's header parser.</summary>
public static class EventETags
{
    public static string Of(VisitEvent visit) => Of(visit.Revision);

    public static string Of(int revision) => new EntityTagHeaderValue($"\"{EventVersion.Tag(revision)}\"").ToString();

    /// <summary>
    /// The edit's precondition from <c>If-Match</c>: none without the header, any version for <c>*</c>, else the revisions its
    /// strong tags name. Weak tags never match (If-Match compares strongly), and a header that parses to nothing matches nothing.
    /// </summary>
    public static EditPrecondition Precondition(HttpRequest request)
    {
        if (!request.Headers.ContainsKey(HeaderNames.IfMatch)) return EditPrecondition.None;
        var tags = request.GetTypedHeaders().IfMatch;
        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any))) return EditPrecondition.Any;
        var revisions = tags.Where(t => !t.IsWeak).Select(t => EventVersion.RevisionOf(t.Tag.ToString().Trim('"'))).OfType<int>().ToArray();
        return EditPrecondition.OneOf(revisions);
    }
}
