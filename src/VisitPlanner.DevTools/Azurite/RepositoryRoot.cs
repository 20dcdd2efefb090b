namespace VisitPlanner.DevTools.Azurite;

/// <summary>Finds the repository's root (the folder holding VisitPlanner.sln), where package.json and host.json live.</summary>
public static class RepositoryRoot
{
    public static string Find(string? start = null)
    {
        foreach (var origin in new[] { start, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = origin is null ? null : new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "VisitPlanner.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find the VisitPlanner repository root (a folder with VisitPlanner.sln) above the current or program directory.");
    }
}
