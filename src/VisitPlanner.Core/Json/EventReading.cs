using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Json;

/// <summary>
/// What reading an event's JSON gave: the draft, or every error naming its field; and, for a draft, what was accepted but
/// read differently from how it was sent (<see cref="Warnings"/>: a local time that does not exist, or happens twice).
/// </summary>
public sealed record EventReading(EventDraft? Draft, IReadOnlyList<FieldError> Errors, IReadOnlyList<FieldWarning> Warnings)
{
    public void Deconstruct(out EventDraft? draft, out IReadOnlyList<FieldError> errors) => (draft, errors) = (Draft, Errors);
}
