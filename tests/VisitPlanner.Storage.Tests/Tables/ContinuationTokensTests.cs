using VisitPlanner.Core.Repositories;
using VisitPlanner.Storage.Tables;

namespace VisitPlanner.Storage.Tests.Tables;

public class ContinuationTokensTests
{
    // The SDK's own shape: base64 partition key, a space, base64 row key.
    private const string SdkToken = "c2hvdXlhbmctZWR6LXRyaXBz MjAyNTEwMTZUMDMzMDAwWl9n";

    [Fact]
    public void ATokenRoundTripsForItsOwnPartition()
    {
        var encoded = ContinuationTokens.Encode(SdkToken)!;

        Assert.DoesNotContain(encoded, c => c is '+' or '/' or '=' or ' ');
        Assert.Equal(SdkToken, ContinuationTokens.Decode(encoded, "shouyang-edz-trips"));
    }

    [Fact]
    public void NoTokenMeansTheFirstPage()
    {
        Assert.Null(ContinuationTokens.Encode(null));
        Assert.Null(ContinuationTokens.Decode(null, "any"));
        Assert.Null(ContinuationTokens.Decode("", "any"));
    }

    [Theory]
    [InlineData("not-a-token!")]
    [InlineData("aGVsbG8")]
    public void ATokenWeDidNotIssueIsRefused(string token) =>
        Assert.Throws<InvalidContinuationTokenException>(() => ContinuationTokens.Decode(token, "shouyang-edz-trips"));

    [Fact]
    public void AnotherCalendarsTokenIsRefused() =>
        Assert.Throws<InvalidContinuationTokenException>(() => ContinuationTokens.Decode(ContinuationTokens.Encode(SdkToken), "hejin-edz-lectures"));
}
