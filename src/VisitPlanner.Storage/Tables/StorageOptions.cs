namespace VisitPlanner.Storage.Tables;

/// <summary>Where the tables live. Bound from the configuration section <c>VisitPlanner:Storage</c>, falling back to <c>AzureWebJobsStorage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>A Table Storage connection string; "UseDevelopmentStorage=true" means Azurite on its default port.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Prepended to every table name (letters and digits only), so several apps or test runs can share one account.</summary>
    public string TablePrefix { get; set; } = "";
}
