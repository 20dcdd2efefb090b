using System.Text.RegularExpressions;
using System.Xml.Linq;
using VisitPlanner.DevTools.Azurite;

namespace VisitPlanner.Core.Tests;

/// <summary>
/// The layers of the tree, each depending only downward (README, "What is where"): checked from the source, so a
/// shortcut across them fails here rather than in review.
/// </summary>
public partial class LayeringTests
{
    /// <summary>Which folders of VisitPlanner.Core each folder may use: Caching, Time and Domain at the bottom, Services on top.</summary>
    public static TheoryData<string, string[]> CoreFolders => new()
    {
        { "Caching", [] },
        { "Time", [] },
        { "Domain", ["Time"] },
        { "Holidays", ["Domain", "Time"] },
        { "Links", ["Domain"] },
        { "Repositories", ["Domain", "Time", "Holidays"] },
        { "Feeds", ["Caching", "Domain", "Time"] },
        { "Json", ["Domain", "Time", "Links", "Feeds", "Holidays"] },
        { "Import", ["Domain", "Time", "Json"] },
        { "Pages", ["Domain", "Time", "Feeds"] },
        { "Services", ["Caching", "Domain", "Time", "Links", "Repositories", "Feeds", "Json", "Pages", "Holidays", "Import"] },
    };

    [GeneratedRegex(@"VisitPlanner\.Core\.([A-Za-z]+)")]
    private static partial Regex CoreNamespace();

    [Theory]
    [MemberData(nameof(CoreFolders))]
    public void CoreFoldersUseOnlyTheFoldersBelowThem(string folder, string[] allowed)
    {
        var directory = Path.Combine(RepositoryRoot.Find(), "src", "VisitPlanner.Core", folder);
        var files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var offences = files
            .SelectMany(file => CoreNamespace().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Uses: m.Groups[1].Value)))
            .Where(use => use.Uses != folder && !allowed.Contains(use.Uses))
            .Distinct()
            .Select(use => $"{folder}/{use.File} uses {use.Uses}")
            .ToArray();
        Assert.True(offences.Length == 0, string.Join(Environment.NewLine, offences));
    }

    [Fact]
    public void EveryCoreFolderHasItsPlaceInTheLayers()
    {
        var folders = Directory.GetDirectories(Path.Combine(RepositoryRoot.Find(), "src", "VisitPlanner.Core"))
            .Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).Order().ToArray();
        Assert.Equal(CoreFolders.Select(row => (string)row[0]).Order(), folders);
    }

    /// <summary>What each project may reference: the app's layers downward, each test project only what it tests and the test support.</summary>
    public static TheoryData<string, string[], string[]> Projects => new()
    {
        { "src/VisitPlanner.Core", [], ["Azure.", "Microsoft.AspNetCore", "Microsoft.Azure.Functions"] },
        { "src/VisitPlanner.Storage", ["VisitPlanner.Core"], ["Microsoft.AspNetCore", "Microsoft.Azure.Functions"] },
        { "src/VisitPlanner.Functions", ["VisitPlanner.Core", "VisitPlanner.Storage"], [] },
        { "src/VisitPlanner.DevTools", [], ["Azure.", "Microsoft.AspNetCore", "Microsoft.Azure.Functions"] },
        { "src/VisitPlanner.DevHost", ["VisitPlanner.Functions", "VisitPlanner.DevTools"], [] },
        { "tests/VisitPlanner.Testing", ["VisitPlanner.DevTools"], [] },
        { "tests/VisitPlanner.Testing.Hosting", ["VisitPlanner.DevHost", "VisitPlanner.Testing"], [] },
        { "tests/VisitPlanner.Core.Tests", ["VisitPlanner.Core", "VisitPlanner.Testing"], [] },
        { "tests/VisitPlanner.Storage.Tests", ["VisitPlanner.Storage", "VisitPlanner.Testing"], [] },
        { "tests/VisitPlanner.Functions.Tests", ["VisitPlanner.Testing.Hosting"], [] },
        { "tests/VisitPlanner.DevHost.Tests", ["VisitPlanner.DevHost", "VisitPlanner.Testing.Hosting"], [] },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectsReferenceOnlyTheLayersBelowThem(string folder, string[] projects, string[] forbiddenPackages)
    {
        var file = Path.Combine(RepositoryRoot.Find(), folder, Path.GetFileName(folder) + ".csproj");
        var project = XDocument.Load(file);
        var references = project.Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))).Order();
        var packages = project.Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value).ToArray();

        Assert.Equal(projects.Order(), references);
        Assert.DoesNotContain(packages, p => forbiddenPackages.Any(f => p.StartsWith(f, StringComparison.Ordinal)));
    }
}
