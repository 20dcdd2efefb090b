using System.Net;
using VisitPlanner.Core.Feeds;
using VisitPlanner.DevHost;
using VisitPlanner.DevHost.Functions;
using VisitPlanner.Testing;
using VisitPlanner.Testing.Hosting;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>HEAD answers what GET would, without the body: on every route GET serves, and on a feed without rendering it.</summary>
public class HeadTests
{
    [Fact]
    public async Task EveryFunctionThatAnswersGetAnswersHeadTheSameWithoutABody()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync(SeedEvents.CalendarId)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await host.Client.PutAsync("/api/people/li-weiping", TestHost.Json("""{"name":"李卫平"}"""))).StatusCode);
        var created = await host.Client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson()));
        var eventId = created.Headers.Location!.ToString().Split('/')[^1];

        var gets = FunctionCatalog.Discover(DevHostApp.FunctionsAssembly).Http.Where(f => f.Methods.Contains("GET")).ToArray();
        Assert.NotEmpty(gets);
        foreach (var function in gets)
        {
            Assert.Contains("HEAD", function.Methods);
            var path = "/api/" + function.Route.Replace("{calendarId}", SeedEvents.CalendarId).Replace("{personId}", "li-weiping").Replace("{id}", eventId).Replace("{year}", "2026")
                + (function.Name == "ListEvents" ? $"?calendar={SeedEvents.CalendarId}" : "");
            using var get = await host.Client.GetAsync(path);
            using var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.True(get.StatusCode == head.StatusCode, $"{function.Name}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        }
    }

    [Fact]
    public async Task HeadOnAFeedRendersNothing()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Created, (await host.PutCalendarAsync(SeedEvents.CalendarId)).StatusCode);
        await host.Client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson()));
        const string Feed = $"/api/calendars/{SeedEvents.CalendarId}/feed.ics?from=2025-10-01&to=2025-10-31";

        using var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Feed));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.NotNull(head.Headers.ETag);
        Assert.Equal(0, host.GetService<FeedRenderGate>().MostRunning);
        Assert.Equal(0, host.GetService<FeedCache>().RenderedBytes);
        // Once rendered, HEAD knows the length too.
        using var get = await host.Client.GetAsync(Feed);
        using var again = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Feed));
        Assert.Equal(head.Headers.ETag, get.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentLength, again.Content.Headers.ContentLength);
    }
}
