using System.Text;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// What a participant's free-text role says about them: whether they lead (带队, 主持, 团长, 领队, chair, lead), which feeds
/// mark with ROLE=CHAIR and list by name where a long list is only counted.
/// </summary>
public static class ParticipantRoles
{
    private static readonly string[] LeaderWords = ["带队", "主持", "团长", "领队", "chair", "lead", "head of delegation"];

    /// <summary>The words with case, which an ordinal search finds as they are; a case-blind search of Chinese text is many times slower.</summary>
    private static readonly string[] EnglishLeaderWords = [.. LeaderWords.Where(word => Ascii.IsValid(word))];

    private static readonly string[] ChineseLeaderWords = [.. LeaderWords.Where(word => !Ascii.IsValid(word))];

    public static bool IsLeader(Participant participant)
    {
        if (participant.Role is not { } role) return false;
        foreach (var word in ChineseLeaderWords)
        {
            if (role.Contains(word, StringComparison.Ordinal)) return true;
        }
        // Most roles are Chinese only: those without a Latin letter need no case-blind search at all.
        if (!role.AsSpan().ContainsAnyInRange('A', 'z')) return false;
        foreach (var word in EnglishLeaderWords)
        {
            if (role.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>Whether the role says nothing but that they lead ("带队").</summary>
    public static bool IsOnlyLeading(Participant participant)
    {
        if (participant.Role is not { } role) return false;
        var trimmed = role.AsSpan().Trim();
        foreach (var word in LeaderWords)
        {
            if (trimmed.Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
