namespace VisitPlanner.Core.Import;

/// <summary>What a file gives: the events to post, in the order of their VEVENTs, and the VEVENTs left out, with their reasons.</summary>
public sealed record ImportPlan(IReadOnlyList<ImportedEvent> Events, IReadOnlyList<SkippedEvent> Skipped);
