using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Core.Services;

/// <summary>How a reader got in: a public calendar lets anyone in; otherwise a live subscription's token did.</summary>
public enum AgendaGrant
{
    Public,
    Token,
}

/// <summary>An agenda a reader may read, how they got in, and the token to carry on in links (null when public).</summary>
public sealed record OpenAgenda(AgendaKey Agenda, AgendaHead Head, AgendaGrant Grant, string? Token)
{
    public string? LinkToken => Grant == AgendaGrant.Token ? Token : null;
}

/// <summary>
/// Who may read an agenda's feed and pages, for feeds and pages alike: anyone, for a public calendar; otherwise whoever
/// holds the token of one of its live subscriptions. A refusal looks exactly like a missing agenda (404), so a URL tells
/// nothing. The head comes from <see cref="FeedCache"/>, so a burst of readers costs one read.
/// </summary>
public sealed class AgendaGate(IAgendaRepository agendas, FeedCache cache, IClock clock)
{
    public async Task<Outcome<OpenAgenda>> OpenAsync(AgendaKey agenda, string? token)
    {
        if (Identifier.Problem(agenda.Id) is { } idProblem) return Problem.Invalid(agenda.Kind == AgendaKind.Calendar ? "calendarId" : "personId", idProblem);
        var parsed = SubscriptionToken.Parse(token);
        // The read is shared by concurrent readers, so it does not take one caller's cancellation.
        var head = await cache.GetHeadAsync(agenda, parsed?.SubscriptionId,
            () => agendas.ReadHeadAsync(agenda, parsed?.SubscriptionId, CancellationToken.None));
        if (head is null) return NotFound(agenda);
        if (head.Calendar is { Visibility: Visibility.Public }) return new OpenAgenda(agenda, head, AgendaGrant.Public, token);
        var opens = parsed is { } presented && head.Subscription is { } subscription
            && !subscription.IsExpired(clock.GetCurrentInstant()) && presented.Opens(subscription);
        return opens ? new OpenAgenda(agenda, head, AgendaGrant.Token, token) : NotFound(agenda);
    }

    public static Problem NotFound(AgendaKey agenda) =>
        Problem.NotFound(agenda.Kind == AgendaKind.Calendar ? $"Calendar '{agenda.Id}'" : $"Person '{agenda.Id}'");
}
