using System.Text.Json.Nodes;

namespace VisitPlanner.Core.Import;

/// <summary>
/// What becomes of an override: an <see cref="Exception"/> on its series; an event of its own (<see cref="OwnEvent"/>,
/// saying why, with or without a cancelled exception for the date it replaces); skipped (<see cref="SkipReason"/>); or,
/// when all are null, nothing, as it changes nothing an occurrence holds.
/// </summary>
internal sealed record OverrideOutcome(JsonObject? Exception = null, string? OwnEvent = null, string? SkipReason = null);
