using VisitPlanner.DevTools.Azurite;

namespace VisitPlanner.DevHost;

/// <summary>
/// Whether the dev host runs Azurite itself, and where: when the storage connection string is development storage
/// (<c>UseDevelopmentStorage=true</c>, the default), on <see cref="Port"/> (setting <c>VisitPlanner:DevHost:AzuritePort</c>,
/// default 10002) with its data in <see cref="Location"/> (<c>VisitPlanner:DevHost:AzuriteLocation</c>, default
/// <c>.azurite/</c> in the repository). Any other connection string is used as configured.
/// </summary>
public sealed record LocalAzurite(int Port, string Location)
{
    public const string PortSetting = "VisitPlanner:DevHost:AzuritePort";
    public const string LocationSetting = "VisitPlanner:DevHost:AzuriteLocation";

    public string ConnectionString => AzuriteServer.ConnectionStringFor(Port);

    /// <summary>Null when the resolved connection string names an account other than development storage.</summary>
    public static LocalAzurite? From(IConfiguration configuration, string connectionString, string repositoryRoot)
    {
        if (!connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)) return null;
        var port = AzuriteServer.DefaultTablePort;
        if (configuration[PortSetting] is { Length: > 0 } text && (!int.TryParse(text, out port) || port is < 1 or > 65535))
            throw new InvalidOperationException($"{PortSetting.Replace(":", "__")} must be a port number from 1 to 65535, not '{text}'.");
        var location = configuration[LocationSetting] is { Length: > 0 } folder ? Path.GetFullPath(folder, repositoryRoot) : Path.Combine(repositoryRoot, ".azurite");
        return new LocalAzurite(port, location);
    }
}

/// <summary>The dev host's storage decision, for its program: the Azurite to run, or null for a configured account.</summary>
public sealed record DevHostStorage(LocalAzurite? Azurite);
