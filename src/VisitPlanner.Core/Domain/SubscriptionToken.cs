using System.Security.Cryptography;
using System.Text;

namespace VisitPlanner.Core.Domain;

/// <summary>
/// The token in a secret feed URL: the subscription's id (20 base-32 characters) followed by its secret
/// (32 base-32 characters, 160 bits from a CSPRNG). The id finds the subscription with one point read; the
/// secret is checked against a SHA-256 hash in constant time. Neither the token nor the secret is stored.
/// </summary>
public readonly record struct SubscriptionToken(string SubscriptionId, string Secret)
{
    public const int IdLength = 20;
    public const int SecretLength = 32;
    public const int Length = IdLength + SecretLength;

    public override string ToString() => SubscriptionId + Secret;

    public static SubscriptionToken New() => new(Identifier.NewId(IdLength), Identifier.NewId(SecretLength));

    /// <summary>Null unless <paramref name="text"/> has the shape of a token we issue.</summary>
    public static SubscriptionToken? Parse(string? text)
    {
        if (text is null || text.Length != Length || !text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'z')) return null;
        return new SubscriptionToken(text[..IdLength], text[IdLength..]);
    }

    public byte[] SecretHash() => SHA256.HashData(Encoding.ASCII.GetBytes(Secret));

    /// <summary>Whether this token's secret is the one <paramref name="subscription"/> was issued with, compared in constant time.</summary>
    public bool Opens(Subscription subscription) =>
        subscription.Id == SubscriptionId && CryptographicOperations.FixedTimeEquals(SecretHash(), subscription.SecretHash);
}
