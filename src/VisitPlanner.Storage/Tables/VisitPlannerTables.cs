using Azure.Data.Tables;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// The tables and their clients. Tables are created once per process, on first use, so a fresh
/// Azurite or storage account needs no setup step. See docs/storage.md for the layout and why.
/// </summary>
public sealed class VisitPlannerTables
{
    private readonly Lazy<Task> _created;

    public VisitPlannerTables(TableServiceClient service, StorageOptions options)
    {
        if (options.TablePrefix.Any(c => !char.IsAsciiLetterOrDigit(c)))
            throw new ArgumentException("The table prefix may contain only ASCII letters and digits.", nameof(options));
        Events = service.GetTableClient(options.TablePrefix + "Events");
        Agendas = service.GetTableClient(options.TablePrefix + "Agendas");
        Completion = service.GetTableClient(options.TablePrefix + "Completion");
        Idempotency = service.GetTableClient(options.TablePrefix + "Idempotency");
        Series = service.GetTableClient(options.TablePrefix + "Series");
        Holidays = service.GetTableClient(options.TablePrefix + "Holidays");
        _created = new Lazy<Task>(CreateAllAsync);
    }

    /// <summary>Events, the source of truth: PartitionKey = event id, RowKey = "event"; the itinerary is inside the event's document.</summary>
    public TableClient Events { get; }

    /// <summary>
    /// One partition per calendar ("c.{id}") and per person ("p.{id}"): the profile row ("~profile", whose
    /// ETag is the feed version), subscription rows ("~sub.{id}"), and index rows ("{end time}_{event id}").
    /// </summary>
    public TableClient Agendas { get; }

    /// <summary>Open events by end time, for the completion timer: PartitionKey = "open", RowKey = end time + event id.</summary>
    public TableClient Completion { get; }

    /// <summary>Idempotency-Key claims: PartitionKey = SHA-256 of the key.</summary>
    public TableClient Idempotency { get; }

    /// <summary>Numbered series: PartitionKey = series id; the series ("~series", with the highest number claimed) and one row per number ("n.000022").</summary>
    public TableClient Series { get; }

    /// <summary>Holiday schedules loaded at run time: PartitionKey = "cn", RowKey = the year ("2027"); one document each.</summary>
    public TableClient Holidays { get; }

    public Task EnsureCreatedAsync() => _created.Value;

    private async Task CreateAllAsync()
    {
        foreach (var table in new[] { Events, Agendas, Completion, Idempotency, Series, Holidays })
        {
            await table.CreateIfNotExistsAsync();
        }
    }
}
