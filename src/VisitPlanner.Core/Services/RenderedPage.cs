namespace VisitPlanner.Core.Services;

/// <summary>
/// A rendered page. <see cref="OpenedWithToken"/>: the request carried a token, so the page (whose links carry it
/// too) must not be stored by any cache.
/// </summary>
public sealed record RenderedPage(byte[] Body, bool OpenedWithToken);
