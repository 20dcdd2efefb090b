using System.Text.Json;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Core.Services;

/// <summary>Creating, changing and reading calendars.</summary>
public sealed class CalendarService(ICalendarRepository calendars, FeedCache cache, IClock clock)
{
    public sealed record Saved(VisitCalendar Calendar, bool Created);

    public async Task<Outcome<Saved>> PutAsync(string id, JsonElement body, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(id) is { } idProblem) return Problem.Invalid("calendarId", idProblem);
        var (draft, errors) = CalendarJson.ReadDraft(body);
        if (draft is null) return Problem.Invalid(errors);
        if (BodyIdentity.Contradicts(body, id))
            return Problem.Invalid("id", $"does not match the calendar id '{id}' in the URL");
        var calendar = new VisitCalendar(id, draft.Name, draft.Description, draft.TimeZone, Clocks.Now(clock))
        {
            Visibility = draft.Visibility,
            ShowBanners = draft.ShowBanners,
            AlarmMinutesBefore = draft.AlarmMinutesBefore,
            RefreshMinutes = draft.RefreshMinutes,
            Colors = draft.Colors,
        };
        var created = await calendars.UpsertAsync(calendar, cancellationToken);
        cache.Invalidate(AgendaKey.Calendar(id));
        return new Saved(calendar, created);
    }

    public async Task<Outcome<VisitCalendar>> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(id) is { } idProblem) return Problem.Invalid("calendarId", idProblem);
        var calendar = await calendars.GetAsync(id, cancellationToken);
        return calendar is null ? Problem.NotFound($"Calendar '{id}'") : calendar;
    }
}
