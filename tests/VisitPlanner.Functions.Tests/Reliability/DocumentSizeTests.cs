using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using VisitPlanner.Storage.Tables;
using VisitPlanner.Testing;
using VisitPlanner.Testing.Hosting;
using Xunit.Abstractions;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Reliability;

/// <summary>
/// An event's stored document stays within what one entity holds (1 MiB), however it is edited: removed items keep
/// only what a cancelled entry needs and at most 400 are remembered, and text is stored as UTF-8, not as \u escapes.
/// </summary>
public class DocumentSizeTests(ITestOutputHelper output)
{
    /// <summary>200 items without ids, each with a long title, place and notes: about 250 KB of JSON, near the body limit.</summary>
    private static string BigBody(string calendar, int edit) => SeedEvents.ShouyangAerospaceVisitJson(n =>
    {
        n["itinerary"] = new JsonArray(Enumerable.Range(0, 200).Select(i => (JsonNode)new JsonObject
        {
            ["title"] = $"edit {edit} stop {i:000} " + new string('t', 180),
            ["start"] = "2025-10-15",
            ["end"] = "2025-10-15",
            ["location"] = new JsonObject { ["name"] = new string('p', 490), ["city"] = "Hebi" },
            ["notes"] = new string('n', 500),
        }).ToArray());
    }, calendar);

    private static async Task<TableEntity> StoredAsync(TestHost host, string id)
    {
        var azurite = await TestAzurite.GetAsync();
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(host.TablePrefix + "Events");
        return (await table.GetEntityAsync<TableEntity>(id, "event")).Value;
    }

    [Fact]
    public async Task ReplacingABigItineraryAgainAndAgainKeepsTheDocumentBounded()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync("big-visits")).StatusCode);
        var first = BigBody("big-visits", 0);
        output.WriteLine($"body: {System.Text.Encoding.UTF8.GetByteCount(first) / 1024} KiB");
        var created = await host.Client.PostAsync("/api/events", TestHost.Json(first));
        var id = (await AssertJsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString()!;

        for (var edit = 1; edit <= 5; edit++)
        {
            // No item ids: every item of the previous version becomes a removed item.
            var replaced = await AssertJsonAsync(await host.SendAsync(HttpMethod.Put, $"/api/events/{id}", BigBody("big-visits", edit), $"\"r{edit}\""), HttpStatusCode.OK);
            var stored = await StoredAsync(host, id);
            var chunks = stored.GetInt32(DocumentColumns.ChunkCount)!.Value;
            output.WriteLine($"edit {edit}: {replaced.GetProperty("removedItems").GetArrayLength()} removed items, {chunks} chunks");
            Assert.True(chunks <= DocumentColumns.MaxChunks, $"{chunks} chunks");
            Assert.True(replaced.GetProperty("removedItems").GetArrayLength() <= 400);
        }
        var feed = await host.Client.GetStringAsync("/api/calendars/big-visits/feed.ics?from=2025-10-01&to=2025-10-31");
        Assert.Contains("STATUS:CANCELLED", feed);
    }

    [Fact]
    public async Task EmojiAreStoredAsTheirUtf8Bytes()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync("emoji-visits")).StatusCode);
        // 7,900 emoji a field (each one code point of 8,000 allowed, two UTF-16 units, four UTF-8 bytes, and 12 bytes as \u escapes).
        var rockets = string.Concat(Enumerable.Repeat("🚀", 7900));
        // Written raw: System.Text.Json would send each emoji as a 12-byte escape.
        var body = SeedEvents.ShouyangAerospaceVisitJson(n =>
        {
            n["description"] = "ROCKETS";
            for (var i = 0; i < 6; i++) n["itinerary"]![i]!["notes"] = "ROCKETS";
        }, "emoji-visits").Replace("ROCKETS", rockets);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(body);
        Assert.InRange(bytes, 200 * 1024, 256 * 1024);

        var created = await host.Client.PostAsync("/api/events", TestHost.Json(body));
        var id = (await AssertJsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var stored = await StoredAsync(host, id);
        var (document, _) = DocumentColumns.Read(stored);
        output.WriteLine($"body {bytes / 1024} KiB, stored document {document.Length / 1024} KiB in {stored.GetInt32(DocumentColumns.ChunkCount)} chunks");
        Assert.True(document.Length < bytes * 1.05, $"{document.Length} bytes stored for a {bytes}-byte body");
        Assert.Equal(rockets, JsonDocument.Parse(await host.Client.GetStringAsync($"/api/events/{id}")).RootElement.GetProperty("description").GetString());
    }
}
