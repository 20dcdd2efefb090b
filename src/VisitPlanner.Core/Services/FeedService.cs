using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;

namespace VisitPlanner.Core.Services;

/// <summary>A feed request as HTTP carries it.</summary>
public sealed record FeedRequest(
    AgendaKey Agenda,
    string? Token,
    string? From,
    string? To,
    string? Kind,
    string? Banners,
    string? IfNoneMatch,
    DateTimeOffset? IfModifiedSince,
    string BaseUrl);

/// <summary>A feed, or word that the client's copy is current (<see cref="Body"/> null).</summary>
public sealed record FeedResponse(byte[]? Body, string ETag, Instant LastModified, bool IsPublic, string FileName)
{
    public bool NotModified => Body is null;
}

/// <summary>
/// Serves feeds so that an unchanged one costs at most one storage read per poll, and none while this
/// instance's knowledge of the agenda is fresh (<see cref="FeedCache"/>). The ETag is derived from the agenda's
/// version, the query and the day, so a conditional request is answered before any event is read.
/// </summary>
public sealed class FeedService(IAgendaRepository agendas, ISubscriptionRepository subscriptions, FeedCache cache, IClock clock, ILogger<FeedService> logger)
{
    /// <summary>Rows read per page while gathering a feed: Table Storage's maximum.</summary>
    private const int PageSize = 1000;

    /// <summary>Bumped when the renderer's output changes, so clients fetch again after a deploy.</summary>
    private const string RendererVersion = "3";

    private static readonly Duration FetchRecordInterval = Duration.FromHours(1);
    private readonly ConcurrentDictionary<string, Instant> _fetchRecorded = new(StringComparer.Ordinal);

    public async Task<Outcome<FeedResponse>> GetAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        var access = await OpenAsync(request.Agenda, request.Token, cancellationToken);
        if (access.Problem is { } denied) return denied;
        var (head, grant) = access.Value;

        var now = clock.GetCurrentInstant();
        var today = now.InZone(head.TimeZone).Date;
        var parsed = FeedQuery.Parse(request.From, request.To, request.Kind, request.Banners, head.TimeZone, today);
        if (parsed.Problem is { } invalid) return invalid;
        var query = parsed.Value!;

        var etag = ETagOf(head, grant, query, today);
        // Content also changes at midnight (default window, lapsing tombstones), so it is never older than today.
        var lastModified = Instant.Max(head.LastModified, head.TimeZone.AtStartOfDay(today).ToInstant());
        var isPublic = grant == AgendaAccess.Grant.Public;
        var fileName = $"{request.Agenda.Id}.ics";
        await RecordFetchAsync(head, grant, now, cancellationToken);

        if (IsCurrent(request, etag, lastModified)) return new FeedResponse(null, etag, lastModified, isPublic, fileName);
        // Shared by every poll waiting on the same ETag, so not tied to one caller's cancellation.
        var body = await cache.GetOrRenderAsync(etag, async () =>
        {
            var entries = await ReadEntriesAsync(request.Agenda, query, CancellationToken.None);
            var pageToken = grant == AgendaAccess.Grant.Token ? request.Token : null;
            var source = FeedSource.For(head, query, today, eventId => AgendaUrls.EventPage(request.BaseUrl, eventId, pageToken));
            return Encoding.UTF8.GetBytes(FeedRenderer.Render(source, entries));
        });
        return new FeedResponse(body, etag, lastModified, isPublic, fileName);
    }

    /// <summary>The agenda's head if the caller may read it; 404 alike for a missing agenda and a refused token.</summary>
    public async Task<Outcome<(AgendaHead Head, AgendaAccess.Grant Grant)>> OpenAsync(AgendaKey agenda, string? token, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(agenda.Id) is { } idProblem) return Problem.Invalid(agenda.Kind == AgendaKind.Calendar ? "calendarId" : "personId", idProblem);
        var parsedToken = SubscriptionToken.Parse(token);
        // The read is shared by concurrent polls, so it does not take one caller's cancellation.
        var head = await cache.GetHeadAsync(agenda, parsedToken?.SubscriptionId,
            () => agendas.ReadHeadAsync(agenda, parsedToken?.SubscriptionId, CancellationToken.None));
        if (head is null) return AgendaAccess.NotFound(agenda);
        var grant = AgendaAccess.Check(head, parsedToken, clock.GetCurrentInstant());
        return grant == AgendaAccess.Grant.Denied ? AgendaAccess.NotFound(agenda) : (head, grant);
    }

    private async Task<IReadOnlyList<AgendaEntry>> ReadEntriesAsync(AgendaKey agenda, FeedQuery query, CancellationToken cancellationToken)
    {
        var entries = new List<AgendaEntry>();
        string? continuation = null;
        do
        {
            var page = await agendas.ListAsync(agenda, query.From, query.To, includeWithdrawn: true, continuation, PageSize, cancellationToken);
            entries.AddRange(page.Entries.Where(e => query.Kinds is null || query.Kinds.Contains(e.Event.Kind)));
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
        return entries;
    }

    private static bool IsCurrent(FeedRequest request, string etag, Instant lastModified)
    {
        // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2); it compares weakly.
        if (!string.IsNullOrWhiteSpace(request.IfNoneMatch))
        {
            return request.IfNoneMatch.Split(',', StringSplitOptions.TrimEntries).Any(tag => tag == "*" || tag == etag || tag == "W/" + etag);
        }
        return request.IfModifiedSince is { } since && lastModified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    /// <summary>
    /// The version of what this request would render. A token-opened feed links event pages with that token, so its
    /// subscription is part of the tag: rendered bodies are cached by tag and must never cross subscribers.
    /// </summary>
    private static string ETagOf(AgendaHead head, AgendaAccess.Grant grant, FeedQuery query, LocalDate today)
    {
        var reader = grant == AgendaAccess.Grant.Token ? head.Subscription!.Id : "public";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{RendererVersion}|{head.Version}|{reader}|{query.CacheKey}|{today:yyyy-MM-dd}"));
        return $"\"{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"";
    }

    /// <summary>Records when a subscription was last used, at most hourly per subscription, so polls stay reads.</summary>
    private async Task RecordFetchAsync(AgendaHead head, AgendaAccess.Grant grant, Instant now, CancellationToken cancellationToken)
    {
        if (grant != AgendaAccess.Grant.Token || head.Subscription is not { } subscription) return;
        if (subscription.LastFetchedAt is { } stored && now - stored < FetchRecordInterval) return;
        if (_fetchRecorded.TryGetValue(subscription.Id, out var recorded) && now - recorded < FetchRecordInterval) return;
        _fetchRecorded[subscription.Id] = now;
        try
        {
            await subscriptions.RecordFetchAsync(subscription.Agenda, subscription.Id, now, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Bookkeeping must not fail a poll.
            logger.LogWarning(e, "Could not record a fetch of subscription {SubscriptionId}", subscription.Id);
        }
    }
}
