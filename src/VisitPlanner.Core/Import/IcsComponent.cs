namespace VisitPlanner.Core.Import;

/// <summary>
/// A component of the file (VCALENDAR, VEVENT, VTIMEZONE, STANDARD, VALARM, …): its name in upper case, the line of its
/// BEGIN, its properties in the order written and the components inside it.
/// </summary>
public sealed record IcsComponent(string Name, int Line, IReadOnlyList<ContentLine> Properties, IReadOnlyList<IcsComponent> Components)
{
    /// <summary>The first property of that name, or null.</summary>
    public ContentLine? First(string name) => Properties.FirstOrDefault(p => p.Name == name);

    /// <summary>Every property of that name, in the order written.</summary>
    public IEnumerable<ContentLine> All(string name) => Properties.Where(p => p.Name == name);

    /// <summary>The components of that name directly inside this one.</summary>
    public IEnumerable<IcsComponent> Children(string name) => Components.Where(c => c.Name == name);
}
