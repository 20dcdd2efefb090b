namespace VisitPlanner.Core.Domain;

/// <summary>Who may read a calendar's feed and page: anyone with the URL, or only holders of a subscription token.</summary>
public enum Visibility
{
    Private,
    Public,
}
