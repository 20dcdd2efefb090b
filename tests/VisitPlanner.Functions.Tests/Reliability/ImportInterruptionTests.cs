using System.Net;
using System.Text;
using VisitPlanner.DevTools.Azurite;
using VisitPlanner.Testing;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Reliability;

/// <summary>
/// An import whose storage fails halfway: the events written before are whole, the answer (503) names them, and
/// importing the same file again finishes it without a duplicate.
/// </summary>
public class ImportInterruptionTests
{
    [Fact]
    public async Task AnImportCutHalfwaySaysWhatItWroteAndAnotherFinishesItWithoutDuplicates()
    {
        var azurite = await TestAzurite.GetAsync();
        var prefix = TestAzurite.NewTablePrefix();
        var cutter = new ConnectionCutter();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>(), prefix, ConnectionCutter.Install(cutter, azurite.ConnectionString));
        var calendar = "cut-" + Guid.NewGuid().ToString("N")[..8];
        await host.PutCalendarAsync(calendar);
        var ics = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "tests", "VisitPlanner.Core.Tests", "Import", "google-export.ics"));
        HttpContent Upload() => new StringContent(ics, Encoding.UTF8, "text/calendar");

        // The first two events are written; every event write after them fails, as when the network drops.
        var written = 0;
        cutter.CutWhen = m => ConnectionCutter.IsEventWrite(m, prefix) && Interlocked.Increment(ref written) > 2;
        var cut = await AssertProblemAsync(await host.Client.PostAsync($"/api/calendars/{calendar}/import", Upload()), HttpStatusCode.ServiceUnavailable);
        cutter.CutWhen = null;

        var detail = cut.GetProperty("detail").GetString()!;
        Assert.Contains("Storage failed after 2 of", detail);
        Assert.Contains("Import the file again", detail);
        var again = await AssertJsonAsync(await host.Client.PostAsync($"/api/calendars/{calendar}/import", Upload()), HttpStatusCode.OK);
        Assert.Equal(2, again.GetProperty("unchanged").GetInt32());
        var created = again.GetProperty("created").GetInt32();
        Assert.True(created > 0);
        var listing = await AssertJsonAsync(await host.Client.GetAsync($"/api/events?calendar={calendar}&pageSize=200"), HttpStatusCode.OK);
        var ids = listing.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToArray();
        Assert.Equal(2 + created, ids.Length);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        // The two written before the cut are the ones the 503 named.
        Assert.Equal(2, ids.Count(id => detail.Contains(id!, StringComparison.Ordinal)));
    }
}
