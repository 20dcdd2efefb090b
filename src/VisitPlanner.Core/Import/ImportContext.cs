using NodaTime;

namespace VisitPlanner.Core.Import;

/// <summary>What every VEVENT of one import is read with: the calendar it goes to, that calendar's zone, the organizer for events naming none, and the file's zones.</summary>
internal sealed record ImportContext(string CalendarId, DateTimeZone CalendarZone, string FallbackOrganizer, ZoneResolver Zones);
