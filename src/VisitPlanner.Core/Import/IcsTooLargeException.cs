namespace VisitPlanner.Core.Import;

/// <summary>
/// The file is past one of <see cref="ImportLimits"/>: readable perhaps, but more than one import takes. A syntax error
/// of the whole file like any other, kept apart so the endpoint can answer 413 rather than 400.
/// </summary>
public sealed class IcsTooLargeException(int line, string reason) : IcsSyntaxException(line, reason);
