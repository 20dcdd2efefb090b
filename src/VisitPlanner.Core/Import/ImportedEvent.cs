using System.Text.Json.Nodes;

namespace VisitPlanner.Core.Import;

/// <summary>
/// One event the file gives: <see cref="Body"/> is the JSON to post (docs/api.md, "Post an event"), which goes through
/// the API's validation like any organizer's. <see cref="Uid"/> and, for an override imported on its own (its series is
/// not in the file), <see cref="RecurrenceId"/> as written, name it in the source, so a second import updates it.
/// <see cref="Line"/> is its BEGIN:VEVENT; <see cref="Warnings"/> what was read differently from how it was written
/// (a zone not found by its name, text cut to fit, an endless series ended), each naming its line where it has one.
/// </summary>
public sealed record ImportedEvent(string Uid, string? RecurrenceId, int Line, JsonObject Body, IReadOnlyList<string> Warnings);
