using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Services;

/// <summary>
/// Who may read an agenda's feed and pages: anyone, for a public calendar; otherwise whoever holds a token of
/// one of its live subscriptions. A refusal looks exactly like a missing agenda (404), so a URL tells nothing.
/// </summary>
public static class AgendaAccess
{
    public enum Grant
    {
        Denied,
        Public,
        Token,
    }

    public static Grant Check(AgendaHead head, SubscriptionToken? token, Instant now)
    {
        if (head.Calendar is { Visibility: Visibility.Public }) return Grant.Public;
        return token is { } presented && head.Subscription is { } subscription && !subscription.IsExpired(now) && presented.Opens(subscription)
            ? Grant.Token
            : Grant.Denied;
    }

    public static Problem NotFound(AgendaKey agenda) => Problem.NotFound(agenda.Kind == AgendaKind.Calendar ? $"Calendar '{agenda.Id}'" : $"Person '{agenda.Id}'");
}
