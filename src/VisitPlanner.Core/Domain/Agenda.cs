namespace VisitPlanner.Core.Domain;

/// <summary>Whose list of events a feed shows: a calendar's, or a person's across all calendars.</summary>
public enum AgendaKind
{
    Calendar,
    Person,
}

/// <summary>Names one agenda: a calendar or a person, by id.</summary>
public readonly record struct AgendaKey(AgendaKind Kind, string Id)
{
    public static AgendaKey Calendar(string id) => new(AgendaKind.Calendar, id);

    public static AgendaKey Person(string id) => new(AgendaKind.Person, id);

    public override string ToString() => $"{(Kind == AgendaKind.Calendar ? "calendar" : "person")} '{Id}'";
}
