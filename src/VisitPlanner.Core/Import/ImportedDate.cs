using NodaTime;

namespace VisitPlanner.Core.Import;

/// <summary>One value of an RDATE or EXDATE, or a RECURRENCE-ID: its local date in the event's zone, its local time there when it has one, and the line it came from.</summary>
internal sealed record ImportedDate(LocalDate Date, LocalTime? Time, ContentLine Source);
