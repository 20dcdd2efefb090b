using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Pages;

/// <summary>
/// What an event's page shows: the event, the moment the page is made, and optionally the way back to the calendar
/// page it was reached from and where to subscribe to the agenda that let the reader in.
/// </summary>
public sealed record EventPageModel(VisitEvent Event, Instant Now, SubscribeBox? Subscribe, string? BackUrl, string? BackLabel);
