using Azure.Data.Tables;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// The four tables and their clients. Tables are created once per process, on first use, so a fresh
/// Azurite or storage account needs no setup step.
/// </summary>
public sealed class VisitPlannerTables
{
    private readonly TableServiceClient _service;
    private readonly Lazy<Task> _created;

    public VisitPlannerTables(TableServiceClient service, StorageOptions options)
    {
        _service = service;
        if (options.TablePrefix.Any(c => !char.IsAsciiLetterOrDigit(c)))
            throw new ArgumentException("The table prefix may contain only ASCII letters and digits.", nameof(options));
        Calendars = service.GetTableClient(options.TablePrefix + "Calendars");
        Events = service.GetTableClient(options.TablePrefix + "Events");
        CalendarEvents = service.GetTableClient(options.TablePrefix + "CalendarEvents");
        Completion = service.GetTableClient(options.TablePrefix + "Completion");
        _created = new Lazy<Task>(CreateAllAsync);
    }

    /// <summary>Calendars: PartitionKey = calendar id, RowKey = "calendar".</summary>
    public TableClient Calendars { get; }

    /// <summary>Events, the source of truth: PartitionKey = event id, RowKey = "event"; the itinerary is inside the event's document.</summary>
    public TableClient Events { get; }

    /// <summary>Per-calendar index that feeds and listings read: PartitionKey = calendar id, RowKey = end time + event id.</summary>
    public TableClient CalendarEvents { get; }

    /// <summary>Open events by end time, for the completion timer: PartitionKey = "open", RowKey = end time + event id.</summary>
    public TableClient Completion { get; }

    public Task EnsureCreatedAsync() => _created.Value;

    private async Task CreateAllAsync()
    {
        foreach (var table in new[] { Calendars, Events, CalendarEvents, Completion })
        {
            await table.CreateIfNotExistsAsync();
        }
    }
}
