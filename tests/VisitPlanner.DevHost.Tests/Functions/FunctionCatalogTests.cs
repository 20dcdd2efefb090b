using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.DevHost.Functions;
using VisitPlanner.DevTools.Azurite;
using VisitPlanner.Functions.Timers;

namespace VisitPlanner.DevHost.Tests.Functions;

public sealed class FunctionCatalogTests
{
    private static readonly FunctionCatalog Catalog = FunctionCatalog.Discover(DevHostApp.FunctionsAssembly);

    private static readonly string[] AllMethods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    // ---- No drift from Azure: the catalog against the functions.metadata the Worker SDK writes ----

    [Fact]
    public void Catalog_has_the_same_functions_as_the_worker_sdk_metadata()
    {
        var metadata = FunctionsMetadata.Load();
        var catalogNames = Catalog.Http.Select(f => f.Name).Concat(Catalog.Timers.Select(f => f.Name)).Order(StringComparer.Ordinal).ToArray();
        var metadataNames = metadata.Select(f => f.Name).Order(StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(metadataNames);
        Assert.Equal(metadataNames, catalogNames);
    }

    [Fact]
    public void Http_functions_have_the_route_methods_and_auth_level_of_the_metadata()
    {
        var httpFunctions = FunctionsMetadata.Load().Where(f => f.Trigger.Type == "httpTrigger").ToArray();
        Assert.NotEmpty(httpFunctions);
        var drift = new List<string>();
        foreach (var expected in httpFunctions)
        {
            if (Catalog.Http.SingleOrDefault(f => f.Name == expected.Name) is not { } actual)
            {
                drift.Add($"{expected.Name}: not an HTTP function in the dev host");
                continue;
            }
            var trigger = expected.Trigger;

            // The Functions host routes a trigger without a route at the function's name, and one without methods on every method.
            var expectedRoute = trigger.Route ?? expected.Name;
            if (expectedRoute != actual.Route) drift.Add($"{expected.Name}: route '{expectedRoute}' in functions.metadata, '{actual.Route}' in the dev host");

            var expectedMethods = (trigger.Methods ?? AllMethods).Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal).ToArray();
            var actualMethods = actual.Methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal).ToArray();
            if (!expectedMethods.SequenceEqual(actualMethods))
                drift.Add($"{expected.Name}: methods [{string.Join(",", expectedMethods)}] in functions.metadata, [{string.Join(",", actualMethods)}] in the dev host");

            if (!Enum.TryParse<AuthorizationLevel>(trigger.AuthLevel, ignoreCase: true, out var expectedLevel) || !Enum.IsDefined(expectedLevel))
                drift.Add($"{expected.Name}: authLevel '{trigger.AuthLevel ?? "(none)"}' in functions.metadata is not an AuthorizationLevel");
            else if (expectedLevel != actual.AuthLevel)
                drift.Add($"{expected.Name}: authLevel {expectedLevel} in functions.metadata, {actual.AuthLevel} in the dev host");
        }
        Assert.True(drift.Count == 0, string.Join(Environment.NewLine, drift));
    }

    [Fact]
    public void Timer_functions_have_the_schedule_of_the_metadata()
    {
        var timerFunctions = FunctionsMetadata.Load().Where(f => f.Trigger.Type == "timerTrigger").ToArray();
        Assert.NotEmpty(timerFunctions);
        var drift = new List<string>();
        foreach (var expected in timerFunctions)
        {
            if (Catalog.Timers.SingleOrDefault(f => f.Name == expected.Name) is not { } actual)
                drift.Add($"{expected.Name}: not a timer function in the dev host");
            else if (expected.Trigger.Schedule != actual.Schedule)
                drift.Add($"{expected.Name}: schedule '{expected.Trigger.Schedule}' in functions.metadata, '{actual.Schedule}' in the dev host");
        }
        Assert.True(drift.Count == 0, string.Join(Environment.NewLine, drift));
    }

    [Fact]
    public void Every_function_runs_the_method_the_metadata_names_as_its_entry_point()
    {
        var methods = Catalog.Http.Select(f => (f.Name, f.Method)).Concat(Catalog.Timers.Select(f => (f.Name, f.Method))).ToDictionary(f => f.Name, f => f.Method);
        var drift = new List<string>();
        foreach (var expected in FunctionsMetadata.Load())
        {
            if (!methods.TryGetValue(expected.Name, out var method))
                drift.Add($"{expected.Name}: not in the dev host");
            else if ($"{method.DeclaringType!.FullName}.{method.Name}" is var actual && actual != expected.EntryPoint)
                drift.Add($"{expected.Name}: entry point {expected.EntryPoint} in functions.metadata, {actual} in the dev host");
        }
        Assert.True(drift.Count == 0, string.Join(Environment.NewLine, drift));
    }

    // ---- Facts about this app's functions ----

    [Fact]
    public void The_feed_answers_get_and_head_anonymously()
    {
        var feed = Assert.Single(Catalog.Http, f => f.Route == "calendars/{calendarId}/feed.ics");

        Assert.Equal("GetCalendarFeed", feed.Name);
        Assert.Equal(new[] { "GET", "HEAD" }, feed.Methods.Order(StringComparer.Ordinal));
        Assert.Equal(AuthorizationLevel.Anonymous, feed.AuthLevel);
    }

    [Theory]
    [InlineData("PutCalendar", "PUT", "calendars/{calendarId}")]
    [InlineData("CreateEvent", "POST", "events")]
    [InlineData("ReplaceEvent", "PUT", "events/{id}")]
    [InlineData("CancelEvent", "DELETE", "events/{id}")]
    public void Every_write_needs_a_function_key(string name, string method, string route)
    {
        var function = Assert.Single(Catalog.Http, f => f.Name == name);

        Assert.Equal(AuthorizationLevel.Function, function.AuthLevel);
        Assert.Equal(new[] { method }, function.Methods);
        Assert.Equal(route, function.Route);
    }

    [Fact]
    public void Only_feeds_and_pages_are_anonymous()
    {
        var anonymous = Catalog.Http.Where(f => f.AuthLevel == AuthorizationLevel.Anonymous).ToArray();

        Assert.NotEmpty(anonymous);
        Assert.All(anonymous, f => Assert.All(f.Methods, m => Assert.Contains(m, new[] { "GET", "HEAD" })));
        // Everything else is the organizers' API and needs a function key in Azure.
        Assert.All(anonymous, f => Assert.True(f.Route.EndsWith("/feed.ics") || f.Route.EndsWith("/page"), f.Route));
    }

    [Fact]
    public void Completing_ended_events_runs_on_the_timer_class_schedule()
    {
        var timer = Assert.Single(Catalog.Timers, t => t.Name == "CompleteEndedEvents");

        Assert.Equal(CompleteEndedEventsTimer.Schedule, timer.Schedule);
        Assert.Equal(typeof(CompleteEndedEventsTimer), timer.Method.DeclaringType);
        Assert.False(timer.RunOnStartup);
    }

    [Fact]
    public void Functions_are_listed_by_name()
    {
        var names = Catalog.Http.Select(f => f.Name).ToArray();

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }
}

/// <summary>
/// The functions.metadata file the Azure Functions Worker SDK writes into the Functions project's build output:
/// what the Functions host in Azure indexes. Read from the same configuration (Debug/Release) as this test assembly.
/// </summary>
internal static class FunctionsMetadata
{
    public sealed record Trigger(string Type, string? Route, string[]? Methods, string? AuthLevel, string? Schedule);

    public sealed record Function(string Name, string EntryPoint, Trigger Trigger);

    public static string PathForThisBuild()
    {
        // AppContext.BaseDirectory is .../tests/VisitPlanner.DevHost.Tests/bin/<Configuration>/<TargetFramework>/
        var outputFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var configuration = outputFolder.Parent?.Name
            ?? throw new InvalidOperationException($"Cannot tell the build configuration from the test output folder '{outputFolder.FullName}'.");
        return Path.Combine(RepositoryRoot.Find(), "src", "VisitPlanner.Functions", "bin", configuration, outputFolder.Name, "functions.metadata");
    }

    public static IReadOnlyList<Function> Load()
    {
        var path = PathForThisBuild();
        Assert.True(File.Exists(path),
            $"The Worker SDK's functions.metadata is missing at '{path}'. Build src/VisitPlanner.Functions in the same configuration as the tests "
            + "(this test project references it through the dev host, so `dotnet test` normally writes it).");

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        var functions = new List<Function>();
        foreach (var function in json.RootElement.EnumerateArray())
        {
            var name = function.GetProperty("name").GetString()!;
            var triggers = function.GetProperty("bindings").EnumerateArray()
                .Where(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))
                .ToArray();
            Assert.True(triggers.Length == 1, $"{name}: expected one trigger binding in functions.metadata, found {triggers.Length}");
            var binding = triggers[0];
            var trigger = new Trigger(
                binding.GetProperty("type").GetString()!,
                String(binding, "route"),
                binding.TryGetProperty("methods", out var methods) && methods.ValueKind == JsonValueKind.Array
                    ? methods.EnumerateArray().Select(m => m.GetString()!).ToArray()
                    : null,
                String(binding, "authLevel"),
                String(binding, "schedule"));
            functions.Add(new Function(name, function.GetProperty("entryPoint").GetString()!, trigger));
        }
        return functions;
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
