using System.Text.Json;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Core.Services;

/// <summary>Secret feed URLs: issued once with their token, listed without it, revoked at once.</summary>
public sealed class SubscriptionService(ISubscriptionRepository subscriptions, IAgendaRepository agendas, FeedCache cache, IClock clock)
{
    /// <summary>A new subscription, with the only copy of its token inside <see cref="Links"/>.</summary>
    public sealed record Issued(Subscription Subscription, SubscribeLinks Links, string? PageUrl);

    public async Task<Outcome<Issued>> CreateAsync(AgendaKey agenda, JsonElement body, SiteLinks links, CancellationToken cancellationToken)
    {
        var head = await ExistingAsync(agenda, cancellationToken);
        if (head.Problem is { } missing) return missing;
        var now = Clocks.Now(clock);
        var (draft, errors) = SubscriptionJson.ReadDraft(body, now);
        if (draft is null) return Problem.Invalid(errors);
        var token = SubscriptionToken.New();
        var subscription = new Subscription(token.SubscriptionId, agenda, draft.Label, now, draft.ExpiresAt, null, token.SecretHash());
        await subscriptions.CreateAsync(subscription, cancellationToken);
        var subscribe = SubscribeLinks.For(links.Feed(agenda, token.ToString()), head.Value!.Name);
        return new Issued(subscription, subscribe, agenda.Kind == AgendaKind.Calendar ? links.CalendarPage(agenda.Id, token.ToString()) : null);
    }

    public async Task<Outcome<IReadOnlyList<Subscription>>> ListAsync(AgendaKey agenda, CancellationToken cancellationToken)
    {
        var head = await ExistingAsync(agenda, cancellationToken);
        if (head.Problem is { } missing) return missing;
        return new Outcome<IReadOnlyList<Subscription>>(await subscriptions.ListAsync(agenda, cancellationToken), null);
    }

    public async Task<Outcome<bool>> RevokeAsync(AgendaKey agenda, string subscriptionId, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(agenda.Id) is { } idProblem) return Problem.Invalid(agenda.Kind == AgendaKind.Calendar ? "calendarId" : "personId", idProblem);
        if (Identifier.Problem(subscriptionId) is { } subscriptionProblem) return Problem.Invalid("subscriptionId", subscriptionProblem);
        var deleted = await subscriptions.DeleteAsync(agenda, subscriptionId, cancellationToken);
        // This instance stops honouring the token now; others within the version-check interval.
        cache.Invalidate(agenda);
        return deleted ? true : Problem.NotFound($"Subscription '{subscriptionId}' of {agenda}");
    }

    private async Task<Outcome<AgendaHead>> ExistingAsync(AgendaKey agenda, CancellationToken cancellationToken)
    {
        if (Identifier.Problem(agenda.Id) is { } idProblem) return Problem.Invalid(agenda.Kind == AgendaKind.Calendar ? "calendarId" : "personId", idProblem);
        var head = await agendas.ReadHeadAsync(agenda, null, cancellationToken);
        return head is null ? AgendaGate.NotFound(agenda) : head;
    }
}
