namespace VisitPlanner.Core.Domain;

/// <summary>Where an event is in its life. Organizers set Confirmed or Tentative; Cancelled and Completed are reached through the API and the completion timer.</summary>
public enum EventStatus
{
    Confirmed,
    Tentative,
    Cancelled,
    Completed,
}
