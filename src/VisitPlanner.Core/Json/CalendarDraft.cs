using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Json;

/// <summary>What an organizer sends to create or change a calendar.</summary>
public sealed record CalendarDraft(string Name, string? Description, NodaTime.DateTimeZone TimeZone, Visibility Visibility, bool ShowBanners, int? AlarmMinutesBefore, int RefreshMinutes,
    IReadOnlyDictionary<EventKind, string> Colors);
