namespace VisitPlanner.Core.Domain;

/// <summary>The wire names of <see cref="EventKind"/> (camelCase, as the API documents them).</summary>
public static class EventKindNames
{
    private static readonly Dictionary<string, EventKind> ByName = Enum.GetValues<EventKind>()
        .ToDictionary(ToWireName, k => k, StringComparer.Ordinal);

    public static IEnumerable<string> All => ByName.Keys;

    public static string ToWireName(this EventKind kind)
    {
        var name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParse(string name, out EventKind kind) => ByName.TryGetValue(name, out kind);

    /// <summary>A label for people, in Chinese and English, as used in feed descriptions and categories.</summary>
    public static string Label(this EventKind kind) => kind switch
    {
        EventKind.StudyTrip => "考察学习 Study trip",
        EventKind.TrainingLecture => "培训讲座 Training lecture",
        EventKind.DelegationVisit => "来访/出访 Delegation visit",
        EventKind.Meeting => "会议 Meeting",
        EventKind.Inspection => "现场检查 Inspection",
        _ => "其他 Other",
    };
}
