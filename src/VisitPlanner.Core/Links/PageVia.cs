using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Links;

/// <summary>The query parameters of an event page link that say which agenda its token opens: <c>calendar</c> or <c>person</c>.</summary>
public static class PageVia
{
    public const string Calendar = "calendar";
    public const string Person = "person";

    public static string ParameterOf(AgendaKind kind) => kind == AgendaKind.Calendar ? Calendar : Person;
}
