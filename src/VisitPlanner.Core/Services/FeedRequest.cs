using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Links;

namespace VisitPlanner.Core.Services;

/// <summary>The narrowing a subscriber put in a feed URL, as given: read against the agenda's zone and today (<see cref="QueryParameters"/>).</summary>
public sealed record FeedParameters(string? From = null, string? To = null, string? Kind = null, string? Banners = null);

/// <summary>
/// A poll of one agenda's feed: the token that opens it, the narrowing, the client's conditions, where links point, and
/// whether the body is wanted at all (HEAD asks only for the headers, so nothing is rendered for it).
/// </summary>
public sealed record FeedRequest(AgendaKey Agenda, string? Token, FeedParameters Parameters, FeedConditions Conditions, SiteLinks Links, bool BodyWanted = true);
