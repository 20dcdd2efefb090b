using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Domain.Recurrence;

/// <summary>New times for one template item (by id) in one occurrence, in that item's zone.</summary>
public sealed record ItemTimeOverride(string ItemId, ItemTiming Timing);
