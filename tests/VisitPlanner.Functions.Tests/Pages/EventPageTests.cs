using System.Net;
using VisitPlanner.Testing.Hosting;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;
using static VisitPlanner.Functions.Tests.Pages.PageTestSupport;

namespace VisitPlanner.Functions.Tests.Pages;

/// <summary>Who may open an event's page, and what a cancelled event's page says.</summary>
public sealed class EventPageTests(TestHost host, Browser browser) : IClassFixture<TestHost>, IClassFixture<Browser>
{
    private Task<HttpResponseMessage> GetPageAsync(string eventId, string? token = null, string? via = null) =>
        host.Client.GetAsync($"/api/events/{eventId}/page{(token is null ? "" : $"?token={token}")}{(via is null ? "" : $"&{via}")}");

    [Fact]
    public async Task An_event_of_a_public_calendar_is_open_to_anyone()
    {
        var calendar = await NewCalendarAsync(host);
        var eventId = await PostVisitAsync(host, calendar);

        var response = await GetPageAsync(eventId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("航天产业专题考察（鹤壁、北京）", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_event_of_private_calendars_needs_a_token_of_one_of_them()
    {
        var (mine, other) = (await NewCalendarAsync(host, "private"), await NewCalendarAsync(host, "private"));
        var eventId = await PostVisitAsync(host, mine);
        var (_, myToken, _, _) = await SubscribeAsync(host, $"calendars/{mine}");
        var (_, otherToken, _, _) = await SubscribeAsync(host, $"calendars/{other}");

        await AssertProblemAsync(await GetPageAsync(eventId), HttpStatusCode.NotFound);
        await AssertProblemAsync(await GetPageAsync(eventId, otherToken), HttpStatusCode.NotFound);
        await AssertProblemAsync(await GetPageAsync(eventId, "0123456789abcdefghjkmnpqrstvwxyz0123456789abcdefghjk"), HttpStatusCode.NotFound);
        var opened = await GetPageAsync(eventId, myToken);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.True(opened.Headers.CacheControl!.NoStore);
        var html = await opened.Content.ReadAsStringAsync();
        Assert.Contains($"href=\"{BaseUrl(host)}/api/calendars/{mine}/page?token={myToken}\"", html);
        Assert.Contains($"value=\"{BaseUrl(host)}/api/calendars/{mine}/feed.ics?token={myToken}\"", html);
    }

    [ChromiumFact]
    public async Task A_participants_personal_token_opens_the_page_of_an_event_they_take_part_in()
    {
        var calendar = await NewCalendarAsync(host, "private");
        var (leader, bystander) = (NewId("li-weiping"), NewId("bystander"));
        foreach (var person in new[] { leader, bystander })
        {
            Assert.Equal(HttpStatusCode.Created, (await host.Client.PutAsync($"/api/people/{person}", TestHost.Json("""{"name":"李卫平"}"""))).StatusCode);
        }
        var eventId = await PostVisitAsync(host, calendar, n => n["participants"]![0]!["personId"] = leader);
        var (_, leaderToken, leaderFeed, _) = await SubscribeAsync(host, $"people/{leader}");
        var (_, bystanderToken, _, _) = await SubscribeAsync(host, $"people/{bystander}");

        await AssertProblemAsync(await GetPageAsync(eventId, bystanderToken, $"person={bystander}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await GetPageAsync(eventId, bystanderToken, $"person={leader}"), HttpStatusCode.NotFound);
        // A person's token opens pages only through links that name the person, as every link in their feed does:
        // without it only the event's calendars are tried, so a guessed token never costs a read per participant.
        await AssertProblemAsync(await GetPageAsync(eventId, leaderToken), HttpStatusCode.NotFound);
        await AssertProblemAsync(await GetPageAsync(eventId, leaderToken, $"calendar={calendar}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await GetPageAsync(eventId, leaderToken, $"calendar={calendar}&person={leader}"), HttpStatusCode.BadRequest);
        // Naming an agenda without a token says nothing the page can use: refused, not ignored.
        await AssertProblemAsync(await host.Client.GetAsync($"/api/events/{eventId}/page?person={leader}"), HttpStatusCode.BadRequest, "person");
        var feed = await host.Client.GetStringAsync(leaderFeed);
        Assert.Contains($"/api/events/{eventId}/page?token={leaderToken}&person={leader}", feed.Replace("\r\n ", ""));
        await using var page = await browser.NewPageAsync();
        var response = await page.Page.GotoAsync(Url(host, $"api/events/{eventId}/page?token={leaderToken}&person={leader}"));

        Assert.Equal(200, response!.Status);
        Assert.Equal(6, await page.Page.Locator("#itinerary-table tbody tr").CountAsync());
        // The way to subscribe is the person's own feed; there is no calendar page to go back to.
        Assert.Equal(leaderFeed, await page.Page.Locator("#feed-url").InputValueAsync());
        Assert.Equal(0, await page.Page.Locator("#back").CountAsync());
        await page.AssertNoErrorsAsync();
    }

    [ChromiumFact]
    public async Task A_cancelled_event_is_still_shown_and_marked_cancelled()
    {
        var calendar = await NewCalendarAsync(host);
        var eventId = await PostVisitAsync(host, calendar);
        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(HttpMethod.Delete, $"/api/events/{eventId}")).StatusCode);
        await using var page = await browser.NewPageAsync();

        await page.Page.GotoAsync(Url(host, $"api/events/{eventId}/page"));

        Assert.Equal("已取消 Cancelled", await page.Page.Locator("#event-status").InnerTextAsync());
        Assert.Contains("已取消 Cancelled", await page.Page.Locator("#cancelled").InnerTextAsync());
        Assert.Equal(6, await page.Page.Locator("#itinerary-table tbody tr").CountAsync());
        await page.Page.GotoAsync(Url(host, $"api/calendars/{calendar}/page"));
        Assert.Equal(6, await page.Page.Locator("li.item.is-cancelled").CountAsync());
        await page.AssertNoErrorsAsync();
        await page.SaveScreenshotAsync("calendar-page-cancelled");
    }

    [ChromiumFact]
    public async Task The_event_page_reads_well_on_a_phone()
    {
        var calendar = await NewCalendarAsync(host);
        var eventId = await PostVisitAsync(host, calendar);
        await using var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });

        await page.Page.GotoAsync(Url(host, $"api/events/{eventId}/page"));

        // Against the phone's width, not window.innerWidth: a mobile viewport zooms out to fit a page that is too wide,
        // and innerWidth grows with it, so that comparison could never fail.
        Assert.True(await PageGeometry.DocumentWidthAsync(page.Page) <= 390);
        Assert.Equal(6, await page.Page.Locator("#itinerary-table tbody tr").CountAsync());
        await page.AssertNoErrorsAsync();
        await page.SaveScreenshotAsync("event-page-phone");
    }

    [Fact]
    public async Task An_unknown_event_is_404_and_a_bad_id_400()
    {
        await AssertProblemAsync(await GetPageAsync(NewId("nothing")), HttpStatusCode.NotFound);
        await AssertProblemAsync(await host.Client.GetAsync("/api/events/-bad-/page"), HttpStatusCode.BadRequest, "id");
    }
}
