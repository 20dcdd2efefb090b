namespace VisitPlanner.Core.Import;

/// <summary>What an import did with one entry of a file.</summary>
public enum ImportResult
{
    Created,
    Updated,
    Unchanged,

    /// <summary>An event an earlier import brought in, which the source now says is cancelled.</summary>
    Cancelled,
}
