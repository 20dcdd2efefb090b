namespace VisitPlanner.Core.Pages;

/// <summary>Which kind of page a reader asked for, so an error page can say what could not be shown.</summary>
public enum RequestedPage
{
    Calendar,
    Event,
}
