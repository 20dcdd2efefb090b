using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// Reads a JSON request body defensively: the media type must be JSON, the body at most
/// <see cref="MaxBytes"/> (checked while reading, not only from Content-Length), valid UTF-8 JSON
/// without duplicate keys. A body that is none of that throws <see cref="ProblemException"/>, which
/// <see cref="HttpFunctionMiddleware"/> answers.
/// </summary>
public static class JsonRequest
{
    public const int MaxBytes = 256 * 1024;

    public static async Task<JsonDocument> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !IsJson(mediaType))
            throw new ProblemException(new Problem(415, "Unsupported media type", $"Send the body as application/json, not '{request.ContentType ?? "nothing"}'.",
                [new FieldError("Content-Type", "must be application/json")]));
        // JSON is UTF-8 (RFC 8259 section 8.1): a body declared in another charset would be misread, not converted.
        if (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            throw new ProblemException(new Problem(415, "Unsupported charset", $"Send the body as UTF-8 (charset=utf-8 or no charset), not charset={mediaType.Charset}.",
                [new FieldError("Content-Type", $"charset must be utf-8, not {mediaType.Charset}")]));
        var bytes = await RequestBody.ReadAsync(request, MaxBytes, TooLarge, cancellationToken);
        if (bytes.Length == 0) throw new ProblemException(Problem.Invalid("$", "the body is empty; send a JSON object"));
        // System.Text.Json checks UTF-8 only when a string is read; check it all now, so the error names the body.
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span)) throw new ProblemException(Problem.Invalid("$", "is not valid UTF-8"));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, JsonOutput.ParseOptions);
        }
        catch (JsonException e)
        {
            throw new ProblemException(Problem.Invalid(string.IsNullOrEmpty(e.Path) ? "$" : e.Path, $"is not valid JSON: {FirstSentence(e.Message)}"));
        }
        catch (InvalidOperationException)
        {
            // The duplicate-key check reads every property name, and throws on one a JSON escape made invalid.
            throw new ProblemException(Problem.Invalid("$", "is not valid Unicode (a JSON escape in a property name left a lone surrogate)"));
        }
        if (UnicodeCheck.FirstInvalid(document.RootElement) is { } invalid)
        {
            document.Dispose();
            throw new ProblemException(Problem.Invalid(invalid, "is not valid Unicode (a JSON escape left a lone surrogate)"));
        }
        return document;
    }

    private static Problem TooLarge() => new(413, "Request body too large", $"The body must be at most {MaxBytes / 1024} KiB.",
        [new FieldError("$", $"is larger than {MaxBytes / 1024} KiB")]);

    private static bool IsJson(MediaTypeHeaderValue mediaType) =>
        mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || (mediaType.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    /// <summary>System.Text.Json's messages end with a path and byte position we already report; keep the first sentence.</summary>
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
