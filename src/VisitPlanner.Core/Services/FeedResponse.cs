using NodaTime;
using VisitPlanner.Core.Feeds;

namespace VisitPlanner.Core.Services;

/// <summary>
/// What a poll gets: the feed's version (<see cref="ETag"/>, an opaque value the host quotes) and, unless the client's
/// copy is current (<see cref="NotModified"/>) or only headers were asked for, its <see cref="Body"/>. <see cref="Length"/>
/// is known when the body was rendered, or is in memory for a HEAD.
/// </summary>
public sealed record FeedResponse(FeedBody? Body, bool NotModified, long? Length, string ETag, Instant LastModified, bool IsPublic, string FileName);
