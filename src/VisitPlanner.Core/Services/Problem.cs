using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Services;

/// <summary>
/// Why a request cannot be done, in the terms of RFC 9457 problem details. Hosts render it as
/// application/problem+json; <see cref="Errors"/> names each offending field.
/// </summary>
public sealed record Problem(int Status, string Title, string Detail, IReadOnlyList<FieldError> Errors)
{
    /// <summary>For a 503: when to try again (the Retry-After header).</summary>
    public int? RetryAfterSeconds { get; init; }

    public static Problem Unavailable(string detail, int retryAfterSeconds) =>
        new(503, "Service unavailable", detail, []) { RetryAfterSeconds = retryAfterSeconds };

    public static Problem Invalid(IReadOnlyList<FieldError> errors) => new(400, "The request is not valid",
        errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} fields are not valid; first: {errors[0]}", errors);

    public static Problem Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static Problem NotFound(string what) => new(404, "Not found", $"{what} does not exist.", []);

    public static Problem PreconditionFailed(int currentRevision)
    {
        var current = $"\"{EventVersion.Tag(currentRevision)}\"";
        return new(412, "The event has changed",
            $"If-Match does not match the event's current ETag {current}; GET it again, reapply your change and retry.",
            [new FieldError("If-Match", $"is stale; the current ETag is {current}")]);
    }

    /// <summary>413: what was sent, or what it would make, is larger than the app keeps or serves.</summary>
    public static Problem TooLarge(string field, string detail) => new(413, "Too large", detail, [new FieldError(field, detail)]);

    public static Problem Conflict(string detail) => new(409, "Conflict", detail, []);

    /// <param name="path">Where the current version is read, e.g. "/api/events/abc".</param>
    public static Problem PreconditionRequired(string path) => new(428, "If-Match is required",
        $"Send If-Match with the ETag of the version you edited, so no one else's change is overwritten: GET {path} and use its ETag header.",
        [new FieldError("If-Match", "is required")]);
}
