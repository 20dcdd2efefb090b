namespace VisitPlanner.Core.Import;

/// <summary>
/// A property parameter (RFC 5545 section 3.2): its name in upper case (parameter names are case-insensitive) and its
/// values, unquoted and with RFC 6868's escapes decoded (<c>^n</c>, <c>^'</c>, <c>^^</c>).
/// </summary>
public sealed record ContentParameter(string Name, IReadOnlyList<string> Values);
