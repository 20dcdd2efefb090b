namespace VisitPlanner.Core.Repositories;

/// <summary>A continuation token that this store did not issue for this listing.</summary>
public sealed class InvalidContinuationTokenException(string message) : Exception(message);
