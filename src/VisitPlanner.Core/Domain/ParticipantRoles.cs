namespace VisitPlanner.Core.Domain;

/// <summary>
/// What a participant's free-text role says about them: whether they lead (带队, 主持, 团长, 领队, chair, lead), which feeds
/// mark with ROLE=CHAIR and list by name where a long list is only counted.
/// </summary>
public static class ParticipantRoles
{
    private static readonly string[] LeaderWords = ["带队", "主持", "团长", "领队", "chair", "lead", "head of delegation"];

    public static bool IsLeader(Participant participant) =>
        participant.Role is { } role && LeaderWords.Any(word => role.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the role says nothing but that they lead ("带队").</summary>
    public static bool IsOnlyLeading(Participant participant) =>
        participant.Role is { } role && LeaderWords.Any(word => role.Trim().Equals(word, StringComparison.OrdinalIgnoreCase));
}
