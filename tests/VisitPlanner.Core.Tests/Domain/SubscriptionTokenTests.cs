using NodaTime;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Tests.Domain;

public class SubscriptionTokenTests
{
    private static Subscription IssuedFor(SubscriptionToken token) =>
        new(token.SubscriptionId, AgendaKey.Calendar("shouyang-edz-trips"), "李卫平's phone", Instant.FromUtc(2025, 10, 1, 0, 0), null, null, token.SecretHash());

    [Fact]
    public void ATokenOpensItsOwnSubscriptionOnly()
    {
        var token = SubscriptionToken.New();
        var other = SubscriptionToken.New();

        Assert.True(SubscriptionToken.Parse(token.ToString())!.Value.Opens(IssuedFor(token)));
        Assert.False(new SubscriptionToken(token.SubscriptionId, other.Secret).Opens(IssuedFor(token)));
        Assert.False(other.Opens(IssuedFor(token)));
    }

    [Fact]
    public void TokensCarryAtLeast128BitsOfSecretAndAreUrlSafe()
    {
        var tokens = Enumerable.Range(0, 500).Select(_ => SubscriptionToken.New().ToString()).ToArray();

        // 32 characters of a 32-letter alphabet: 160 bits.
        Assert.Equal(160, SubscriptionToken.SecretLength * 5);
        Assert.Equal(500, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.Equal(t, Uri.EscapeDataString(t)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    [InlineData("../../../../../../../../etc/passwd/../../../../../..")]
    public void AnythingElseIsNotAToken(string? text) => Assert.Null(SubscriptionToken.Parse(text));

    [Fact]
    public void OnlyTheHashOfTheSecretIsKept()
    {
        var token = SubscriptionToken.New();

        Assert.Equal(32, token.SecretHash().Length);
        Assert.DoesNotContain(token.Secret, Convert.ToHexStringLower(token.SecretHash()));
    }

    [Fact]
    public void AnExpiredSubscriptionKnowsIt()
    {
        var token = SubscriptionToken.New();
        var expiring = IssuedFor(token) with { ExpiresAt = Instant.FromUtc(2025, 12, 31, 16, 0) };

        Assert.False(expiring.IsExpired(Instant.FromUtc(2025, 12, 31, 15, 59)));
        Assert.True(expiring.IsExpired(Instant.FromUtc(2025, 12, 31, 16, 0)));
    }
}
