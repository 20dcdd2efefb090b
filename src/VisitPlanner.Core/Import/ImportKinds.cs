using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Import;

/// <summary>
/// The kind a CATEGORIES value names: the API's wire name (studyTrip, …, any case), a Chinese word it contains (周例会
/// contains 例会, 经开讲堂 讲堂), or an English word it has as a whole word, any case ("Team Meeting"). Where one value
/// names two kinds, the one earlier in <see cref="Words"/> wins; an event's first value that names any decides.
/// </summary>
internal static class ImportKinds
{
    public static readonly IReadOnlyList<(EventKind Kind, string[] Chinese, string[] English)> Words =
    [
        (EventKind.StudyTrip, ["考察", "学习"], []),
        (EventKind.TrainingLecture, ["讲座", "培训", "讲堂"], ["training", "lecture"]),
        (EventKind.DelegationVisit, ["来访", "出访", "接待"], ["visit"]),
        (EventKind.Meeting, ["会议", "例会"], ["meeting"]),
        (EventKind.Inspection, ["检查", "排查", "观摩"], ["inspection"]),
    ];

    /// <summary>The kind the first category naming one gives, or null when none does.</summary>
    public static EventKind? Of(IEnumerable<string> categories)
    {
        foreach (var category in categories)
        {
            if (Of(category.Trim()) is { } kind) return kind;
        }
        return null;
    }

    private static EventKind? Of(string category)
    {
        if (category.Length == 0) return null;
        if (EventKindNames.All.FirstOrDefault(n => n.Equals(category, StringComparison.OrdinalIgnoreCase)) is { } wire && EventKindNames.TryParse(wire, out var named))
            return named;
        var words = EnglishWords(category);
        foreach (var (kind, chinese, english) in Words)
        {
            if (chinese.Any(w => category.Contains(w, StringComparison.Ordinal)) || english.Any(w => words.Contains(w, StringComparer.OrdinalIgnoreCase))) return kind;
        }
        return null;
    }

    /// <summary>The runs of ASCII letters in the text: "Team-Meeting 2" has "Team" and "Meeting".</summary>
    private static IReadOnlyList<string> EnglishWords(string text)
    {
        var words = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiLetter(text[i])) continue;
            var start = i;
            while (i < text.Length && char.IsAsciiLetter(text[i])) i++;
            words.Add(text[start..i]);
        }
        return words;
    }
}
