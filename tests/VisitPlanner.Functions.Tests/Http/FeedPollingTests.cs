using System.Net.Http.Headers;
using System.Net;
using VisitPlanner.Storage.Tables;
using VisitPlanner.Testing.Hosting;
using VisitPlanner.Testing;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>What pollers see and what a poll costs: conditional requests, caching headers, storage requests per poll.</summary>
public class FeedPollingTests(TestHost host) : IClassFixture<TestHost>
{
    private async Task<(string Calendar, string EventId, string FeedUrl)> CalendarWithVisitAsync(TestHost? on = null)
    {
        var target = on ?? host;
        var calendar = "poll-" + Guid.NewGuid().ToString("N")[..8];
        await target.PutCalendarAsync(calendar);
        var created = await AssertJsonAsync(await target.Client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(calendar))), HttpStatusCode.Created);
        return (calendar, created.GetProperty("id").GetString()!, $"/api/calendars/{calendar}/feed.ics?from=2025-01-01&to=2026-12-31");
    }

    private static async Task<HttpResponseMessage> GetAsync(TestHost on, string url, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers?.Invoke(request.Headers);
        return await on.Client.SendAsync(request);
    }

    [Fact]
    public async Task AnUnchangedFeedAnswers304ToItsETagAndItsDate()
    {
        var (_, _, url) = await CalendarWithVisitAsync();
        var first = await GetAsync(host, url);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        var byETag = await GetAsync(host, url, h => h.IfNoneMatch.Add(etag));
        var byDate = await GetAsync(host, url, h => h.IfModifiedSince = lastModified);
        var stale = await GetAsync(host, url, h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"")));
        // If-None-Match, when sent, decides alone, even when it names no tag that parses: the date is then ignored.
        var garbled = await GetAsync(host, url, h =>
        {
            h.TryAddWithoutValidation("If-None-Match", "garbage");
            h.IfModifiedSince = lastModified;
        });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((true, false, TimeSpan.FromMinutes(5)), (first.Headers.CacheControl!.Public, first.Headers.CacheControl.Private, first.Headers.CacheControl.MaxAge));
        Assert.Equal((HttpStatusCode.NotModified, etag), (byETag.StatusCode, byETag.Headers.ETag));
        Assert.Empty(await byETag.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, garbled.StatusCode);
    }

    [Fact]
    public async Task AChangeChangesTheETagSequenceAndLastModified()
    {
        var (calendar, eventId, url) = await CalendarWithVisitAsync();
        var first = await GetAsync(host, url);
        var before = FeedParsers.ParseWithIcalJs(await first.Content.ReadAsStringAsync());
        await Task.Delay(1100); // LAST-MODIFIED has one-second resolution.

        await AssertJsonAsync(await host.SendAsync(HttpMethod.Put, $"/api/events/{eventId}",
            SeedEvents.ShouyangAerospaceVisitJson(n => n["itinerary"]![5]!["start"] = "2025-10-16T10:00", calendar), ifMatch: "\"r1\""), HttpStatusCode.OK);
        var second = await GetAsync(host, url, h => h.IfNoneMatch.Add(first.Headers.ETag!));
        var after = FeedParsers.ParseWithIcalJs(await second.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        foreach (var entry in after.Events)
        {
            var old = Assert.Single(before.Events, e => e.Uid == entry.Uid);
            Assert.Equal(old.Sequence + 1, entry.Sequence);
            Assert.True(string.CompareOrdinal(entry.LastModified, old.LastModified) > 0);
        }
    }

    [Fact]
    public async Task ARemovedStopStaysAsCancelled()
    {
        var (calendar, eventId, url) = await CalendarWithVisitAsync();

        await AssertJsonAsync(await host.SendAsync(HttpMethod.Put, $"/api/events/{eventId}",
            SeedEvents.ShouyangAerospaceVisitJson(n => n["itinerary"]!.AsArray().RemoveAt(2), calendar), ifMatch: "\"r1\""), HttpStatusCode.OK);
        var feed = FeedParsers.ParseWithIcalJs(await (await GetAsync(host, url)).Content.ReadAsStringAsync());

        var removed = Assert.Single(feed.Events, e => e.Uid == $"{eventId}-tianzhang@visitplanner");
        Assert.Equal(("CANCELLED", 1), (removed.Status, removed.Sequence));
        Assert.Equal(7, feed.Events.Count);
    }

    [Fact]
    public async Task FeedsNeedNoAcceptHeaderAreNotCompressedAndNameTheirFile()
    {
        var (calendar, _, url) = await CalendarWithVisitAsync();
        using var raw = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = host.Client.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");

        var response = await raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.StartsWith("BEGIN:VCALENDAR", await response.Content.ReadAsStringAsync());
        Assert.Equal($"{calendar}.ics", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
    }

    [Fact]
    public async Task KindAndBannerParametersNarrowTheFeed()
    {
        var (_, _, url) = await CalendarWithVisitAsync();

        var lectures = FeedParsers.ParseWithIcalJs(await (await GetAsync(host, url + "&kind=trainingLecture")).Content.ReadAsStringAsync());
        var noBanners = FeedParsers.ParseWithIcalJs(await (await GetAsync(host, url + "&banners=false")).Content.ReadAsStringAsync());

        Assert.Empty(lectures.Events);
        Assert.Equal(6, noBanners.Events.Count);
        await AssertProblemAsync(await GetAsync(host, url + "&kind=banquet"), HttpStatusCode.BadRequest, "kind");
    }

    [Fact]
    public async Task TheDefaultWindowLeavesOldEventsOut()
    {
        var (calendar, _, _) = await CalendarWithVisitAsync();

        var feed = FeedParsers.ParseWithIcalJs(await (await GetAsync(host, $"/api/calendars/{calendar}/feed.ics")).Content.ReadAsStringAsync());

        // The fixture ended in October 2025, more than 90 days before today.
        Assert.Empty(feed.Events);
    }

    [Fact]
    public async Task AnUnchangedPollCostsAtMostOneStorageReadAndNoneWhileFresh()
    {
        // An instance that re-checks the version on every poll, and one that trusts it for an hour.
        await using var everyPoll = await TestHost.StartAsync(new Dictionary<string, string?> { ["VisitPlanner:Feeds:VersionCheckSeconds"] = "0" }, host.TablePrefix);
        await using var hourly = await TestHost.StartAsync(new Dictionary<string, string?> { ["VisitPlanner:Feeds:VersionCheckSeconds"] = "3600" }, host.TablePrefix);
        var (_, _, url) = await CalendarWithVisitAsync();
        var etag = (await GetAsync(everyPoll, url)).Headers.ETag!;
        await GetAsync(hourly, url);
        var checking = everyPoll.GetService<StorageRequestCounter>();
        var trusting = hourly.GetService<StorageRequestCounter>();

        var (checkingBefore, trustingBefore) = (checking.Total, trusting.Total);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(everyPoll, url, h => h.IfNoneMatch.Add(etag))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(hourly, url)).StatusCode);
        }

        Assert.Equal(10, checking.Total - checkingBefore);
        Assert.Equal(0, trusting.Total - trustingBefore);
    }

    [Fact]
    public async Task AChangeShowsAtOnceWhereItWasMadeAndOnOtherInstancesAfterTheirCheckInterval()
    {
        await using var other = await TestHost.StartAsync(new Dictionary<string, string?> { ["VisitPlanner:Feeds:VersionCheckSeconds"] = "3600" }, host.TablePrefix);
        var (calendar, eventId, url) = await CalendarWithVisitAsync();
        var seenHere = (await GetAsync(host, url)).Headers.ETag!;
        var seenThere = (await GetAsync(other, url)).Headers.ETag!;

        await AssertJsonAsync(await host.SendAsync(HttpMethod.Put, $"/api/events/{eventId}",
            SeedEvents.ShouyangAerospaceVisitJson(n => n["title"] = "航天产业专题考察（改期）", calendar), ifMatch: "\"r1\""), HttpStatusCode.OK);

        // This instance drops what it knew at once; the other trusts its copy until its interval (here an hour) passes.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(host, url, h => h.IfNoneMatch.Add(seenHere))).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(other, url, h => h.IfNoneMatch.Add(seenThere))).StatusCode);
    }
}
