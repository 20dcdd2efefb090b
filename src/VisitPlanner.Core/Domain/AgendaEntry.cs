using NodaTime;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// An event as one agenda holds it. <see cref="WithdrawnAt"/> is set when the event left this agenda (taken
/// off the calendar, or the person no longer takes part): the feed then announces it as cancelled for a while
/// instead of dropping it, since clients only remove entries they are told about.
/// </summary>
public sealed record AgendaEntry(VisitEvent Event, Instant? WithdrawnAt = null);
