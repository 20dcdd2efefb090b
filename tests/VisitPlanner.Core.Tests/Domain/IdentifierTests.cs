using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Tests.Domain;

public class IdentifierTests
{
    [Theory]
    [InlineData("shouyang-edz-trips")]
    [InlineData("hejin.edz_lectures-2025")]
    [InlineData("A")]
    public void AcceptsUrlSafeIds(string id) => Assert.Null(Identifier.Problem(id));

    [Theory]
    [InlineData("a/b", "Table Storage forbids")]
    [InlineData("a\\b", "Table Storage forbids")]
    [InlineData("a#b", "Table Storage forbids")]
    [InlineData("a?b", "Table Storage forbids")]
    [InlineData("a\u0001b", "Table Storage forbids")]
    [InlineData("a\u007fb", "Table Storage forbids")]
    [InlineData("", "must not be empty")]
    [InlineData("寿阳", "ASCII letters")]
    [InlineData("-leading", "must start with a letter or digit")]
    [InlineData("has space", "ASCII letters")]
    public void RejectsIdsThatCannotBeKeysOrUrlSegments(string id, string expected)
    {
        var problem = Identifier.Problem(id);
        Assert.NotNull(problem);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void RejectsIdsLongerThanTheLimit() =>
        Assert.Contains("at most 64", Identifier.Problem(new string('a', 65)));

    [Fact]
    public void NewIdsAreValidAndDistinct()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => Identifier.NewId()).ToHashSet();

        Assert.Equal(1000, ids.Count);
        Assert.All(ids, id => Assert.Null(Identifier.Problem(id)));
        Assert.All(ids, id => Assert.Equal(26, id.Length));
    }
}
