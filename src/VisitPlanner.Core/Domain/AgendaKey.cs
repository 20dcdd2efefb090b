namespace VisitPlanner.Core.Domain;

/// <summary>Names one agenda: a calendar or a person, by id.</summary>
public readonly record struct AgendaKey(AgendaKind Kind, string Id)
{
    public static AgendaKey Calendar(string id) => new(AgendaKind.Calendar, id);

    public static AgendaKey Person(string id) => new(AgendaKind.Person, id);

    public override string ToString() => $"{(Kind == AgendaKind.Calendar ? "calendar" : "person")} '{Id}'";
}
