using System.Security.Cryptography;
using System.Text.Json;
using System.Text;

namespace VisitPlanner.Core.Services;

/// <summary>Idempotency-Key values and request fingerprints. Keys are stored only as hashes: they may carry a client's identifiers.</summary>
public static class IdempotencyKeys
{
    public const int MaxLength = 255;

    /// <summary>Null when the key is acceptable: 1–255 visible ASCII characters, as the IETF draft's examples use.</summary>
    public static string? Problem(string key)
    {
        if (key.Length is 0 or > MaxLength) return $"must be 1 to {MaxLength} characters";
        if (key.Any(c => c is < '!' or > '~')) return "may contain only visible ASCII characters";
        return null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The request as sent: a retry sends the same bytes, so the same fingerprint.</summary>
    public static byte[] Hash(JsonElement body) => SHA256.HashData(Encoding.UTF8.GetBytes(body.GetRawText()));
}
