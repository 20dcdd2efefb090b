using NodaTime;

namespace VisitPlanner.Core.Import;

/// <summary>The zone a TZID is read in, and the warning to give when it was not found by its name.</summary>
internal sealed record ResolvedZone(DateTimeZone Zone, string? Warning);
