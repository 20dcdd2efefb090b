using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Repositories;

/// <summary>An event as stored, with the opaque token the store needs to replace exactly this version.</summary>
public sealed record StoredEvent(VisitEvent Event, string ConcurrencyToken);
