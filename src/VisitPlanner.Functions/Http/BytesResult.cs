using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using VisitPlanner.Core.Feeds;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// A response whose body is already serialized, as one array or as parts in order (a feed's head, events and end,
/// <see cref="FeedBody"/>). Our results write the response themselves rather than through MVC's formatters, so they
/// behave the same under the Functions worker and the dev host.
/// </summary>
public sealed class BytesResult : IActionResult
{
    /// <summary>Bytes handed to the response before it is flushed: a large feed goes out as it is written, in this much at a time.</summary>
    private const int FlushEvery = 64 * 1024;

    private readonly string _contentType;
    private readonly IReadOnlyList<ReadOnlyMemory<byte>> _parts;
    private readonly long _length;
    private readonly IReadOnlyDictionary<string, string>? _headers;

    public BytesResult(int status, string contentType, byte[] body, IReadOnlyDictionary<string, string>? headers = null)
        : this(status, contentType, [body], body.Length, headers)
    {
    }

    public BytesResult(int status, string contentType, FeedBody body, IReadOnlyDictionary<string, string>? headers = null)
        : this(status, contentType, body.Parts, body.Length, headers)
    {
    }

    private BytesResult(int status, string contentType, IReadOnlyList<ReadOnlyMemory<byte>> parts, long length, IReadOnlyDictionary<string, string>? headers)
    {
        Status = status;
        _contentType = contentType;
        _parts = parts;
        _length = length;
        _headers = headers;
    }

    public int Status { get; }

    public Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        foreach (var (name, value) in _headers ?? new Dictionary<string, string>()) response.Headers[name] = value;
        return WriteAsync(response, Status, _contentType, HttpMethods.IsHead(context.HttpContext.Request.Method) ? [] : _parts, _length);
    }

    internal static Task WriteAsync(HttpResponse response, int status, string contentType, byte[] body) =>
        WriteAsync(response, status, contentType, [body], body.Length);

    private static async Task WriteAsync(HttpResponse response, int status, string contentType, IReadOnlyList<ReadOnlyMemory<byte>> parts, long length)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = length;
        var writer = response.BodyWriter;
        var unflushed = 0;
        foreach (var part in parts)
        {
            writer.Write(part.Span);
            unflushed += part.Length;
            if (unflushed < FlushEvery) continue;
            var flushed = await writer.FlushAsync();
            // The client went away: nothing more to send.
            if (flushed.IsCanceled || flushed.IsCompleted) return;
            unflushed = 0;
        }
        if (unflushed > 0) await writer.FlushAsync();
    }
}
