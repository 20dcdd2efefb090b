namespace VisitPlanner.Core.Repositories;

/// <summary>An event with this id already exists (a concurrent retry of the same request created it).</summary>
public sealed class EventAlreadyExistsException(string id, Exception? inner = null) : Exception($"Event '{id}' already exists.", inner);
