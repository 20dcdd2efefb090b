namespace VisitPlanner.Core.Domain;

public static class EventStatusNames
{
    public static string ToWireName(this EventStatus status) => status switch
    {
        EventStatus.Confirmed => "confirmed",
        EventStatus.Tentative => "tentative",
        EventStatus.Cancelled => "cancelled",
        _ => "completed",
    };

    public static bool TryParse(string name, out EventStatus status)
    {
        foreach (var candidate in Enum.GetValues<EventStatus>())
        {
            if (candidate.ToWireName() == name)
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    /// <summary>Open events still lie ahead of someone: they can be edited and will be completed once they end.</summary>
    public static bool IsOpen(this EventStatus status) => status is EventStatus.Confirmed or EventStatus.Tentative;
}
