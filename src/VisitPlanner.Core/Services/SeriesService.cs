using System.Text.Json;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Pages;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Core.Services;

/// <summary>Numbered series (经开讲堂): defined once, then each event posted with the series' id gets the next number.</summary>
public sealed class SeriesService(ISeriesRepository series, ICalendarRepository calendars, IEventRepository events, IClock clock)
{
    /// <summary>Sessions read at once when a series is shown.</summary>
    public const int ReadConcurrency = 16;

    /// <summary>The most sessions a series shows: past that, the newest (a series of 21 sessions a year takes decades to reach it).</summary>
    public const int MaxSessionsShown = 1000;

    public sealed record Saved(LectureSeries Series, bool Created);

    public sealed record Shown(LectureSeries Series, IReadOnlyList<(SeriesSession Session, VisitEvent Event)> Sessions);

    public async Task<Outcome<Saved>> PutAsync(string id, JsonElement body, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(id) is { } problem) return Problem.Invalid("seriesId", problem);
        var named = EventJsonReader.PeekCalendarIds(body);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var calendar in named)
        {
            if (await calendars.GetAsync(calendar, cancellationToken) is not null) known.Add(calendar);
        }
        var (read, errors) = SeriesJson.Read(body, id, known, Clocks.Now(clock));
        if (read is null) return Problem.Invalid(errors);
        return new Saved(read, await series.UpsertAsync(read, cancellationToken));
    }

    public async Task<Outcome<Shown>> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(id) is { } problem) return Problem.Invalid("seriesId", problem);
        var found = await series.GetAsync(id, cancellationToken);
        if (found is null) return Problem.NotFound($"Series '{id}'");
        var sessions = (await series.SessionsAsync(id, cancellationToken)).TakeLast(MaxSessionsShown).ToArray();
        var read = new VisitEvent?[sessions.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, sessions.Length), new ParallelOptions { MaxDegreeOfParallelism = ReadConcurrency, CancellationToken = cancellationToken },
            async (i, token) => read[i] = (await events.GetAsync(sessions[i].EventId, token))?.Event);
        // A number whose event was never written (its post failed after the number was claimed) is a gap, not a session.
        // So is a number whose event holds another (a claim its post did not keep).
        return new Shown(found, sessions.Zip(read)
            .Where(p => p.Second is { Lecture: { } lecture } && lecture.SeriesId == id && lecture.SessionNumber == p.First.Number)
            .Select(p => (p.First, p.Second!)).ToArray());
    }

    /// <summary>
    /// The series' page: its sessions in its public calendars only, as it is served to anyone; a series with no public
    /// calendar has no page (404, as a private calendar's page without a token).
    /// </summary>
    public async Task<Outcome<RenderedPage>> PageAsync(string id, SiteLinks links, CancellationToken cancellationToken)
    {
        var shown = await GetAsync(id, cancellationToken);
        if (shown.Problem is { } problem) return problem;
        var (found, sessions) = (shown.Value!.Series, shown.Value.Sessions);
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var calendar in found.Calendars.Concat(sessions.SelectMany(s => s.Event.Calendars)).Distinct())
        {
            if (await calendars.GetAsync(calendar, cancellationToken) is { Visibility: Visibility.Public }) open.Add(calendar);
        }
        if (open.Count == 0) return Problem.NotFound($"Series '{id}'");
        var visible = sessions.Select(s => s.Event).Where(e => e.Calendars.Any(open.Contains)).ToArray();
        var zone = (await calendars.GetAsync(found.Calendars[0], cancellationToken))?.TimeZone ?? TimeZones.Default;
        var html = SeriesPage.Render(found, visible, Clocks.Now(clock), zone, eventId => links.EventPage(eventId, null));
        return new RenderedPage(System.Text.Encoding.UTF8.GetBytes(html), OpenedWithToken: false);
    }

    /// <summary>
    /// A new event's lecture with its series' name, format and number: the next one, or the one asked for if it is free
    /// (409 when another session holds it). <paramref name="eventId"/> is recorded as the number's holder.
    /// </summary>
    public async Task<Outcome<Lecture>> NumberAsync(Lecture lecture, string eventId, CancellationToken cancellationToken)
    {
        var seriesId = lecture.SeriesId!;
        var found = await series.GetAsync(seriesId, cancellationToken);
        if (found is null) return Problem.Invalid("seriesId", $"series '{seriesId}' does not exist; create it first (PUT /api/series/{seriesId})");
        if (lecture.Series is { } name && name != found.Name)
            return Problem.Invalid("series", $"is the name of series '{seriesId}', {found.Name}; leave it out (it comes from seriesId)");
        int number;
        if (lecture.SessionNumber is { } asked)
        {
            if (await series.ClaimAsync(seriesId, asked, eventId, cancellationToken) is { } holder)
            {
                var detail = $"{found.Name} {found.NumberFormat.Replace("{n}", asked.ToString(System.Globalization.CultureInfo.InvariantCulture))} is held by event '{holder.EventId}'; leave sessionNumber out for the next free number.";
                return new Problem(409, "Conflict", detail, [new FieldError("sessionNumber", detail)]);
            }
            number = asked;
        }
        else number = await series.ClaimNextAsync(seriesId, eventId, cancellationToken);
        return lecture with { Series = found.Name, SessionNumber = number, NumberFormat = found.NumberFormat };
    }
}
