namespace VisitPlanner.Core.Feeds;

/// <summary>Every render slot of this instance stayed taken while a poll waited for one.</summary>
public sealed class FeedBusyException() : Exception("Every feed render slot of this instance is taken.");
