namespace VisitPlanner.Core.Services;

/// <summary>
/// What an edit's <c>If-Match</c> asks for, parsed by the host from the header: nothing (no header), any version
/// (<c>*</c>), or one of some revisions. Tags that name no revision of ours (weak ones, made-up ones) match nothing,
/// as strong comparison requires (RFC 9110 section 13.1.1).
/// </summary>
public sealed record EditPrecondition(bool Given, bool AnyVersion, IReadOnlySet<int> Revisions)
{
    public static readonly EditPrecondition None = new(false, false, new HashSet<int>());

    public static readonly EditPrecondition Any = new(true, true, new HashSet<int>());

    public static EditPrecondition OneOf(params int[] revisions) => new(true, false, revisions.ToHashSet());

    public bool AdmitsRevision(int revision) => !Given || AnyVersion || Revisions.Contains(revision);
}
