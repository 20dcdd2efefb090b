using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Holidays;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Core.Services;
using VisitPlanner.Functions.Http;
using VisitPlanner.Storage.Tables;

namespace VisitPlanner.Functions;

/// <summary>The one service graph both hosts run: the Functions worker in Azure and the dev host locally.</summary>
public static class VisitPlannerServices
{
    public const string ConfigurationSection = "VisitPlanner:Storage";
    public const string FeedsSection = "VisitPlanner:Feeds";
    public const string LinksSection = "VisitPlanner";
    public const string HolidaysSection = "VisitPlanner:Holidays";

    /// <summary>The storage client's retry policy, in one place for the code, the tests and the docs.</summary>
    public static class RetryPolicy
    {
        public const int MaxRetries = 2;
        public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);
        public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);
        public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(5);
    }

    public static IServiceCollection AddVisitPlanner(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ReadStorageOptions(configuration);
        services.AddSingleton(options);
        var counter = new StorageRequestCounter();
        services.AddSingleton(counter);
        services.AddSingleton(_ => new TableServiceClient(options.ConnectionString, CreateClientOptions(counter)));
        services.AddSingleton<VisitPlannerTables>();
        services.AddSingleton<IndexWriter>();
        services.AddSingleton<EventReader>();
        services.AddSingleton<ICalendarRepository, TableCalendarRepository>();
        services.AddSingleton<IPersonRepository, TablePersonRepository>();
        services.AddSingleton<ISubscriptionRepository, TableSubscriptionRepository>();
        services.AddSingleton<IAgendaRepository, TableAgendaRepository>();
        services.AddSingleton<IEventRepository, TableEventRepository>();
        services.AddSingleton<IIdempotencyRepository, TableIdempotencyRepository>();
        services.AddSingleton<ISeriesRepository, TableSeriesRepository>();
        services.AddSingleton<IHolidayScheduleRepository, TableHolidayScheduleRepository>();
        services.AddSingleton<IIndexReconciler, IndexReconciler>();
        services.AddSingleton<IClock>(SystemClock.Instance);

        var feedOptions = new FeedOptions();
        configuration.GetSection(FeedsSection).Bind(feedOptions);
        services.AddSingleton(feedOptions);
        services.AddSingleton<FeedCache>();
        services.AddSingleton<FeedFragments>();
        services.AddSingleton<FeedRenderGate>();

        var holidayOptions = new HolidayOptions();
        configuration.GetSection(HolidaysSection).Bind(holidayOptions);
        services.AddSingleton(holidayOptions);

        services.AddSingleton<CalendarService>();
        services.AddSingleton<PersonService>();
        services.AddSingleton<EventService>();
        services.AddSingleton<OccurrenceService>();
        services.AddSingleton<HolidayService>();
        services.AddSingleton<SeriesService>();
        services.AddSingleton<ImportService>();
        services.AddSingleton<SeriesResettlement>();
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<FeedService>();
        services.AddSingleton<PageService>();
        services.AddSingleton<AgendaGate>();
        services.AddSingleton<CompletionService>();

        // Links: the route prefix of the host.json deployed beside the app (the dev host registers the repository's first).
        services.TryAddSingleton(_ => HostSettings.Load(Path.Combine(AppContext.BaseDirectory, "host.json")));
        var linkOptions = new LinkOptions();
        configuration.GetSection(LinksSection).Bind(linkOptions);
        services.AddSingleton(linkOptions);
        services.AddSingleton<PublicLinks>();
        services.AddVisitPlannerMiddleware();
        return services;
    }

    /// <summary>The storage settings: <c>VisitPlanner:Storage</c>, its connection string falling back to the host's <c>AzureWebJobsStorage</c>.</summary>
    public static StorageOptions ReadStorageOptions(IConfiguration configuration)
    {
        var options = new StorageOptions();
        configuration.GetSection(ConfigurationSection).Bind(options);
        if (string.IsNullOrEmpty(configuration[$"{ConfigurationSection}:ConnectionString"]) && configuration["AzureWebJobsStorage"] is { Length: > 0 } hostStorage)
            options.ConnectionString = hostStorage;
        return options;
    }

    /// <summary>
    /// Retries are bounded so a request fails in seconds rather than hanging on a throttled or absent account:
    /// at most 2 retries, exponential from 0.5 s (0.5 s, then 1 s, with jitter; never over 2 s), 5 s per attempt.
    /// One storage call therefore gives up after at most 3 × 5 s + 1.5 s = 16.5 s, and after about 1.5 s when the
    /// account refuses connections outright. The HTTP layer then answers 503 with Retry-After (docs/reliability.md).
    /// </summary>
    public static TableClientOptions CreateClientOptions(StorageRequestCounter counter)
    {
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = RetryPolicy.MaxRetries;
        options.Retry.Delay = RetryPolicy.Delay;
        options.Retry.MaxDelay = RetryPolicy.MaxDelay;
        options.Retry.NetworkTimeout = RetryPolicy.NetworkTimeout;
        return options;
    }
}
