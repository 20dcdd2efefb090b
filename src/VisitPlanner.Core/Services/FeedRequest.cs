using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Links;

namespace VisitPlanner.Core.Services;

/// <summary>The narrowing a subscriber put in a feed URL, as given: read against the agenda's zone and today (<see cref="QueryParameters"/>).</summary>
public sealed record FeedParameters(string? From = null, string? To = null, string? Kind = null, string? Banners = null, string? Series = null);

/// <summary>
/// A poll of one agenda's feed: the token that opens it, the narrowing, the copy the poller holds, where links point,
/// and whether the feed itself is wanted or only its version (nothing is rendered then).
/// </summary>
public sealed record FeedRequest(AgendaKey Agenda, string? Token, FeedParameters Parameters, ClientCopy Held, SiteLinks Links, bool VersionOnly = false);
