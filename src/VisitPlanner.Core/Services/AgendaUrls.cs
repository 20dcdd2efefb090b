using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Services;

/// <summary>Where an agenda's feed and page live, with the token that opens a private one.</summary>
public static class AgendaUrls
{
    public static string Resource(string baseUrl, AgendaKey agenda) =>
        $"{baseUrl}/api/{(agenda.Kind == AgendaKind.Calendar ? "calendars" : "people")}/{agenda.Id}";

    public static string Feed(string baseUrl, AgendaKey agenda, string? token) => $"{Resource(baseUrl, agenda)}/feed.ics{TokenQuery(token)}";

    public static string Page(string baseUrl, AgendaKey agenda, string? token) => $"{Resource(baseUrl, agenda)}/page{TokenQuery(token)}";

    public static string EventPage(string baseUrl, string eventId, string? token) => $"{baseUrl}/api/events/{eventId}/page{TokenQuery(token)}";

    private static string TokenQuery(string? token) => token is null ? "" : $"?token={token}";
}
