using NodaTime;
using VisitPlanner.Core.Domain.Recurrence;

namespace VisitPlanner.Core.Import;

/// <summary>
/// A series as it will be posted: its rule, its first date, every original date it has (rule dates and extra dates,
/// as the API counts occurrences: with holidays kept there are no others) and the dates its EXDATEs cancel.
/// </summary>
internal sealed record ImportedSeries(RecurrenceRule Rule, LocalDate First, IReadOnlySet<LocalDate> Dates, IReadOnlyList<LocalDate> Excluded);
