using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using VisitPlanner.Functions.Http;

namespace VisitPlanner.Functions.Tests.Http;

public class StorageFailuresTests
{
    [Fact]
    public async Task TheStorageClientsOwnNetworkTimeoutIsAnOutage()
    {
        // A storage endpoint that accepts connections and never answers: what the SDK throws when its timeout passes.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var held = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            while (true) held.Add(await listener.AcceptTcpClientAsync());
        });
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromMilliseconds(300);
        var client = new TableClient(VisitPlanner.DevTools.Azurite.AzuriteServer.ConnectionStringFor(port), "hung", options);

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => client.GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.True(StorageFailures.IsTransient(thrown), $"{thrown.GetType().Name}: {thrown.Message}");
        listener.Stop();
        held.ForEach(c => c.Dispose());
    }

    [Fact]
    public void ACancellationNobodyAskedForIsABugNotAnOutage()
    {
        Assert.False(StorageFailures.IsTransient(new OperationCanceledException()));
        Assert.False(StorageFailures.IsTransient(new TaskCanceledException()));
    }

    [Fact]
    public void RefusedConnectionsThrottlingAndServerErrorsAreOutages()
    {
        Assert.True(StorageFailures.IsTransient(new Azure.RequestFailedException(0, "refused")));
        Assert.True(StorageFailures.IsTransient(new Azure.RequestFailedException(429, "throttled")));
        Assert.True(StorageFailures.IsTransient(new Azure.RequestFailedException(503, "busy")));
        Assert.False(StorageFailures.IsTransient(new Azure.RequestFailedException(400, "bad request")));
    }
}
