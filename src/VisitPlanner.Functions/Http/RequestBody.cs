using Microsoft.AspNetCore.Http;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>A request body read whole, but never past its bound: checked while reading, not only from Content-Length.</summary>
public static class RequestBody
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, int maxBytes, Func<Problem> tooLarge, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) throw new ProblemException(tooLarge());
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw new ProblemException(tooLarge());
            buffer.Write(chunk, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
