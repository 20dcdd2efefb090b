using VisitPlanner.Core.Feeds;

namespace VisitPlanner.Core.Pages;

/// <summary>
/// Where to subscribe from a page: the agenda's name and the links for its feed URL. <see cref="HasToken"/> says the
/// URL carries a subscription token, which the page then warns not to pass on.
/// </summary>
public sealed record SubscribeBox(string AgendaName, SubscribeLinks Links, bool HasToken);
