using System.Diagnostics;

namespace VisitPlanner.DevTools.Azurite;

/// <summary>
/// The Node packages in the repository's package.json (Azurite, ical.js), installed with <c>npm ci</c> on
/// first use so a fresh clone needs no separate install step. A lock file keeps parallel test runs from
/// installing at once.
/// </summary>
public static class NodeTools
{
    public static string EnsureInstalled(string repositoryRoot)
    {
        var modules = Path.Combine(repositoryRoot, "node_modules");
        var marker = Path.Combine(modules, ".package-lock.json");
        if (IsCurrent(repositoryRoot, marker)) return modules;

        using var lockFile = AcquireLock(Path.Combine(repositoryRoot, ".npm-install.lock"));
        if (IsCurrent(repositoryRoot, marker)) return modules;
        Run(repositoryRoot, "npm", "ci --no-audit --no-fund --loglevel=error");
        return modules;
    }

    /// <summary>Runs node with a script from node_modules; the caller owns the process.</summary>
    public static Process StartNode(string repositoryRoot, string script, string arguments)
    {
        var start = new ProcessStartInfo("node", $"\"{Path.Combine(repositoryRoot, "node_modules", script)}\" {arguments}")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start node; is Node.js 20+ on PATH?");
    }

    private static bool IsCurrent(string root, string marker) =>
        File.Exists(marker) && File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(Path.Combine(root, "package-lock.json"));

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }

    private static void Run(string workingDirectory, string command, string arguments)
    {
        var start = new ProcessStartInfo(command, arguments) { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{command}' is not on PATH; install Node.js 20 or later.", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"'{command} {arguments}' failed ({process.ExitCode}): {errors.Result}{output.Result}");
        }
    }
}
