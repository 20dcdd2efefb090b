namespace VisitPlanner.Core.Repositories;

/// <summary>The stored event changed between reading it and writing it back.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);
