using VisitPlanner.Core.Services;

namespace VisitPlanner.Core.Tests.Services;

public class EntityTagsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("*", true)]
    [InlineData("\"r3\"", true)]
    [InlineData("\"r1\", \"r3\"", true)]
    [InlineData("\"r2\"", false)]
    [InlineData("W/\"r3\"", false)]
    public void IfMatchComparesStrongly(string? ifMatch, bool satisfied) =>
        Assert.Equal(satisfied, EntityTags.IfMatchSatisfied(ifMatch, "\"r3\""));
}
