using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using VisitPlanner.Core.Feeds;
using VisitPlanner.Core.Pages;
using VisitPlanner.Core.Services;
using VisitPlanner.Storage.Tables;

namespace VisitPlanner.Functions;

/// <summary>The one service graph both hosts run: the Functions worker in Azure and the dev host locally.</summary>
public static class VisitPlannerServices
{
    public const string ConfigurationSection = "VisitPlanner:Storage";
    public const string FeedsSection = "VisitPlanner:Feeds";

    public static IServiceCollection AddVisitPlanner(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new StorageOptions();
        configuration.GetSection(ConfigurationSection).Bind(options);
        if (string.IsNullOrEmpty(configuration[$"{ConfigurationSection}:ConnectionString"]) && configuration["AzureWebJobsStorage"] is { Length: > 0 } hostStorage)
            options.ConnectionString = hostStorage;

        services.AddSingleton(options);
        var counter = new StorageRequestCounter();
        services.AddSingleton(counter);
        services.AddSingleton(_ => new TableServiceClient(options.ConnectionString, ClientOptions(counter)));
        services.AddSingleton<VisitPlannerTables>();
        services.AddSingleton<ICalendarRepository, TableCalendarRepository>();
        services.AddSingleton<IPersonRepository, TablePersonRepository>();
        services.AddSingleton<ISubscriptionRepository, TableSubscriptionRepository>();
        services.AddSingleton<IAgendaRepository, TableAgendaRepository>();
        services.AddSingleton<IEventRepository, TableEventRepository>();
        services.AddSingleton<IClock>(SystemClock.Instance);

        var feedOptions = new FeedCacheOptions();
        configuration.GetSection(FeedsSection).Bind(feedOptions);
        services.AddSingleton(feedOptions);
        services.AddSingleton<FeedCache>();

        services.AddSingleton<CalendarService>();
        services.AddSingleton<PersonService>();
        services.AddSingleton<EventService>();
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<FeedService>();
        services.AddSingleton<PageService>();
        services.AddSingleton<CompletionService>();
        return services;
    }

    /// <summary>
    /// Retries are bounded so a request fails in seconds rather than hanging on a throttled or absent
    /// account: 3 retries, exponential from 0.5 s to at most 4 s, 10 s per attempt.
    /// </summary>
    private static TableClientOptions ClientOptions(StorageRequestCounter counter)
    {
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(4);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }
}
