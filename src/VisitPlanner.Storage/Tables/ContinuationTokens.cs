using System.Text;
using VisitPlanner.Core.Repositories;

namespace VisitPlanner.Storage.Tables;

/// <summary>Table Storage continuation tokens, made URL-safe and opaque for the API.</summary>
public static class ContinuationTokens
{
    public static string? Encode(string? token) =>
        token is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The SDK's token ("{base64 next partition key} {base64 next row key}") from ours; null for none. Throws
    /// <see cref="InvalidContinuationTokenException"/> unless it is a token issued for <paramref name="partitionKey"/>.
    /// </summary>
    public static string? Decode(string? token, string partitionKey)
    {
        if (string.IsNullOrEmpty(token)) return null;
        string decoded;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(base64));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            throw new InvalidContinuationTokenException("is not a token this API issued; use the continuationToken of the previous page as it was given");
        }
        var parts = decoded.Split(' ');
        if (parts.Length != 2 || parts[0] != Convert.ToBase64String(Encoding.UTF8.GetBytes(partitionKey)) || parts[1].Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')))
            throw new InvalidContinuationTokenException("does not belong to this listing; use the continuationToken of the previous page as it was given");
        return decoded;
    }
}
