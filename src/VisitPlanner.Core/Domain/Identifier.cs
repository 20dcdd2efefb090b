using System.Text.RegularExpressions;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// Rules for ids that become Table Storage keys and URL segments. Table Storage forbids '/', '\', '#', '?'
/// and control characters in keys; we also keep ids URL-safe so a feed URL can be pasted anywhere.
/// </summary>
public static partial class Identifier
{
    public const int MaxLength = 64;

    /// <summary>Null when <paramref name="id"/> is acceptable, else why it is not.</summary>
    public static string? Problem(string id)
    {
        if (id.Length == 0) return "must not be empty";
        if (id.Length > MaxLength) return $"must be at most {MaxLength} characters";
        if (id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
            return "must not contain '/', '\\', '#', '?' or control characters (Table Storage forbids them in keys)";
        if (!Shape().IsMatch(id)) return "may contain only ASCII letters, digits, '.', '_' and '-', and must start with a letter or digit";
        return null;
    }

    /// <summary>A new random id: 26 lowercase base-32 characters (130 bits), sortable by nothing on purpose.</summary>
    public static string NewId(int characters = 26)
    {
        const string alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        Span<byte> bytes = stackalloc byte[characters];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return string.Create(characters, bytes.ToArray(), (span, b) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[b[i] & 31];
        });
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex Shape();
}
