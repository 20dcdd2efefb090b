using Microsoft.AspNetCore.Http;
using VisitPlanner.Functions.Http;

namespace VisitPlanner.Functions.Tests.Http;

public class EventETagsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("*", true)]
    [InlineData("\"r3\"", true)]
    [InlineData("\"r1\", \"r3\"", true)]
    [InlineData("\"r2\"", false)]
    [InlineData("W/\"r3\"", false)]
    [InlineData("\"r03\"", false)]
    [InlineData("\"3\"", false)]
    [InlineData("not a tag", false)]
    public void IfMatchComparesStrongly(string? ifMatch, bool satisfied)
    {
        var request = new DefaultHttpContext().Request;
        if (ifMatch is not null) request.Headers.IfMatch = ifMatch;

        Assert.Equal(satisfied, EventETags.Precondition(request).AdmitsRevision(3));
    }

    [Fact]
    public void ARevisionIsAStrongQuotedTag() => Assert.Equal("\"r12\"", EventETags.Of(12));
}
