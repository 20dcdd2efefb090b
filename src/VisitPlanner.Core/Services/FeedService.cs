using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Core.Services;

/// <summary>
/// Serves feeds so that an unchanged one costs at most one storage read per poll, and none while this
/// instance's knowledge of the agenda is fresh (<see cref="FeedCache"/>). The ETag is derived from the agenda's
/// version, the query and the day, so a conditional request is answered before any event is read.
/// </summary>
public sealed class FeedService(
    AgendaGate gate, IAgendaRepository agendas, ISubscriptionRepository subscriptions, FeedCache cache, FeedFragments fragments, FeedRenderGate renders,
    FeedOptions options,
    IClock clock, ILogger<FeedService> logger)
{
    /// <summary>Rows read per page while gathering a feed: Table Storage's maximum.</summary>
    private const int PageSize = 1000;

    /// <summary>Bumped when the renderer's output changes, so clients fetch again after a deploy.</summary>
    private const string RendererVersion = "4";

    private static readonly Duration FetchRecordInterval = Duration.FromHours(1);

    /// <summary>ETags whose feed was found too large: answered at once, not rendered again (bounded like the heads).</summary>
    private readonly ConcurrentDictionary<string, bool> _tooLarge = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Instant> _fetchRecorded = new(StringComparer.Ordinal);

    public async Task<Outcome<FeedResponse>> GetAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        var access = await gate.OpenAsync(request.Agenda, request.Token);
        if (access.Problem is { } denied) return denied;
        var open = access.Value!;
        var head = open.Head;

        var now = clock.GetCurrentInstant();
        var today = now.InZone(head.TimeZone).Date;
        var parameters = request.Parameters;
        var parsed = QueryParameters.Feed(parameters.From, parameters.To, parameters.Kind, parameters.Banners, head.TimeZone, today);
        if (parsed.Problem is { } invalid) return invalid;
        if (parameters.Series is { } seriesId && Identifier.Problem(seriesId) is { } seriesProblem) return Problem.Invalid("series", seriesProblem);
        var query = parsed.Value! with { SeriesId = parameters.Series };

        var etag = ETagOf(open, query, today, request.Links);
        // Content also changes at midnight (default window, lapsing tombstones), so it is never older than today.
        var lastModified = Instant.Max(head.LastModified, head.TimeZone.AtStartOfDay(today).ToInstant());
        var isPublic = open.Grant == AgendaGrant.Public;
        var fileName = $"{request.Agenda.Id}.ics";
        await RecordFetchAsync(open, now, cancellationToken);

        if (request.Held.IsCurrent(etag, lastModified)) return new FeedResponse(null, true, null, etag, lastModified, isPublic, fileName);
        if (request.VersionOnly)
            return new FeedResponse(null, false, cache.RenderedLength(etag), etag, lastModified, isPublic, fileName);
        if (_tooLarge.ContainsKey(etag)) return TooLarge();
        FeedBody body;
        try
        {
            // Shared by every poll waiting on the same ETag, so not tied to one caller's cancellation; a few at a time.
            body = await cache.GetOrRenderAsync(etag, () => renders.RunAsync(() =>
            {
                var source = FeedSource.For(head, query, today, eventId => request.Links.EventPage(eventId, open.LinkToken, open.Agenda));
                return FeedRenderer.RenderAsync(source, PagesAsync(request.Agenda, query), options.MaxFeedBytes, fragments);
            }));
        }
        catch (FeedTooLargeException)
        {
            if (_tooLarge.Count >= options.MaxHeads) _tooLarge.Clear();
            _tooLarge[etag] = true;
            logger.LogWarning("The feed of {Agenda} for {Window} is over {Limit} MiB and was refused", request.Agenda, query.CacheKey, options.MaxFeedMegabytes);
            return TooLarge();
        }
        catch (FeedBusyException)
        {
            return Problem.Unavailable($"Every feed render of this instance stayed busy for {options.RenderWaitSeconds:0} seconds; retry shortly.", 5);
        }
        return new FeedResponse(body, false, body.Length, etag, lastModified, isPublic, fileName);
    }

    private Problem TooLarge() => Problem.Invalid("window",
        $"this feed would be larger than {options.MaxFeedMegabytes} MiB, more than a calendar client takes in; narrow it with from and to (dates), or kind");

    /// <summary>The agenda's index rows in the window, a page at a time, of the kinds asked for. Shared by concurrent polls, so not cancelled by one.</summary>
    private async IAsyncEnumerable<IReadOnlyList<AgendaEntry>> PagesAsync(AgendaKey agenda, FeedQuery query)
    {
        string? continuation = null;
        do
        {
            var page = await agendas.ListAsync(agenda, query.Window, includeWithdrawn: true, continuation, PageSize, CancellationToken.None);
            yield return page.Entries.Where(e => query.Shows(e.Event)).ToArray();
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }

    /// <summary>
    /// The version of what this request would render, as an opaque tag. A token-opened feed links event pages with that
    /// token, so its subscription is part of the tag, and so is the site its links point at: rendered bodies are cached by
    /// tag and must never cross subscribers or hosts.
    /// </summary>
    private static string ETagOf(OpenAgenda open, FeedQuery query, LocalDate today, SiteLinks links)
    {
        // The links inside point at the site the request came through, unless a public base URL fixes it.
        var reader = open.Grant == AgendaGrant.Token ? open.Head.Subscription!.Id : "public";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{RendererVersion}|{open.Head.Version}|{reader}|{query.CacheKey}|{today:yyyy-MM-dd}|{links.Origin}|{links.RoutePrefix}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    /// <summary>Records when a subscription was last used, at most hourly per subscription, so polls stay reads.</summary>
    private async Task RecordFetchAsync(OpenAgenda open, Instant now, CancellationToken cancellationToken)
    {
        if (open.Grant != AgendaGrant.Token || open.Head.Subscription is not { } subscription) return;
        if (subscription.LastFetchedAt is { } stored && now - stored < FetchRecordInterval) return;
        if (_fetchRecorded.TryGetValue(subscription.Id, out var recorded) && now - recorded < FetchRecordInterval) return;
        // Bounded like the heads: forgetting costs at most one more write per subscription.
        if (_fetchRecorded.Count >= options.MaxHeads) _fetchRecorded.Clear();
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
