using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Pages;

/// <summary>One line of the agenda: an itinerary item on one day, in the calendar's zone.</summary>
public sealed record AgendaLine(LocalDate Day, VisitEvent Event, ItineraryItem Item, int DayOfItem, int DaysOfItem);
