using System.Globalization;

namespace VisitPlanner.Core.Services;

/// <summary>
/// How an event's revision is tagged for clients: the opaque value "r{revision}", which hosts send quoted as a strong
/// entity tag (<c>ETag: "r3"</c>) and read back from <c>If-Match</c> through their own header parsers.
/// </summary>
public static class EventVersion
{
    public static string Tag(int revision) => "r" + revision.ToString(CultureInfo.InvariantCulture);

    /// <summary>The revision an opaque tag names, or null for a tag we never issued.</summary>
    public static int? RevisionOf(string opaqueTag) =>
        opaqueTag.Length > 1 && opaqueTag[0] == 'r' && int.TryParse(opaqueTag.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) && revision > 0
            && Tag(revision) == opaqueTag
            ? revision
            : null;
}
