using Microsoft.Extensions.DependencyInjection;
using VisitPlanner.Storage.Tables;

namespace VisitPlanner.DevHost.Tests;

/// <summary>local.settings.json applies as under `func start`: it fills in settings, and the environment and arguments win.</summary>
public sealed class LocalSettingsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("visitplanner-root-").FullName;

    public LocalSettingsTests()
    {
        File.WriteAllText(Path.Combine(_root, "host.json"), """{"version":"2.0"}""");
        Directory.CreateDirectory(Path.Combine(_root, "src", "VisitPlanner.Functions"));
        File.WriteAllText(Path.Combine(_root, "src", "VisitPlanner.Functions", "local.settings.json"), """
            {"IsEncrypted":false,"Values":{
              "VisitPlanner__Storage__ConnectionString":"UseDevelopmentStorage=true",
              "VisitPlanner__Storage__TablePrefix":"fromlocal"}}
            """);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private StorageOptions StorageOf(params string[] args)
    {
        var app = DevHostApp.Build(new DevHostOptions { Port = 0, RunTimers = false, Args = args }, _root);
        return app.Services.GetRequiredService<StorageOptions>();
    }

    [Fact]
    public void LocalSettingsFillInWhatNothingElseSets() => Assert.Equal("fromlocal", StorageOf().TablePrefix);

    [Fact]
    public void ArgumentsWinOverLocalSettings() => Assert.Equal("fromargs", StorageOf("--VisitPlanner:Storage:TablePrefix=fromargs").TablePrefix);
}
