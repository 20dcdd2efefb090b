namespace VisitPlanner.Core.Services;

/// <summary>If-Match evaluation (RFC 9110 section 13.1.1): "*" or a list of entity tags compared strongly.</summary>
public static class EntityTags
{
    public static bool IfMatchSatisfied(string? ifMatch, string currentETag)
    {
        if (string.IsNullOrWhiteSpace(ifMatch)) return true;
        foreach (var candidate in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // A weak tag (W/"...") never matches strongly.
            if (candidate == "*" || candidate == currentETag) return true;
        }
        return false;
    }
}
