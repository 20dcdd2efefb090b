using System.Net;
using System.Text.Json.Nodes;
using VisitPlanner.Testing.Hosting;
using VisitPlanner.Testing;
using static VisitPlanner.Functions.Tests.Http.ApiAssertions;

namespace VisitPlanner.Functions.Tests.Http;

/// <summary>"My schedule": a person's feed across all calendars, private ones included.</summary>
public class PersonalFeedTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];

    private string Leader => $"li-weiping-{_suffix}";
    private string Driver => $"driver-zhang-{_suffix}";

    private async Task<string> SetUpAsync()
    {
        await AssertJsonAsync(await host.Client.PutAsync($"/api/people/{Leader}", TestHost.Json("""{"name":"李卫平","title":"党工委书记、管委会主任","organization":"寿阳经开区"}""")), HttpStatusCode.Created);
        await AssertJsonAsync(await host.Client.PutAsync($"/api/people/{Driver}", TestHost.Json("""{"name":"张师傅","title":"司机 Driver"}""")), HttpStatusCode.Created);
        var (trips, lectures) = ($"trips-{_suffix}", $"lectures-{_suffix}");
        await host.PutCalendarAsync(trips, visibility: "private");
        await host.PutCalendarAsync(lectures, "经开讲堂");

        await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(n =>
        {
            n["participants"]![0]!["personId"] = Leader;
            n["itinerary"]!.AsArray().Insert(5, JsonNode.Parse($$"""
                {"id":"drive","title":"乘车前往北京","start":"2025-10-15T18:00","end":"2025-10-15T23:00",
                 "participants":[{"name":"张师傅","role":"司机","personId":"{{Driver}}"}]}
                """));
        }, trips))), HttpStatusCode.Created);
        await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json($$"""
            {"kind":"trainingLecture","title":"招商引资专题培训","series":"经开讲堂","sessionNumber":21,"calendars":["{{lectures}}"],
             "organizer":{"name":"河津经开区"},"participants":[{"name":"李卫平","personId":"{{Leader}}"}],
             "itinerary":[{"id":"talk","title":"招商引资专题培训","start":"2025-09-12T15:00","end":"2025-09-12T17:00"}]}
            """)), HttpStatusCode.Created);
        // An event neither of them attends.
        await AssertJsonAsync(await host.Client.PostAsync("/api/events", TestHost.Json(SeedEvents.ShouyangAerospaceVisitJson(lectures))), HttpStatusCode.Created);
        return trips;
    }

    private async Task<ParsedFeed> PersonalFeedAsync(string person)
    {
        var subscription = await AssertJsonAsync(await host.Client.PostAsync($"/api/people/{person}/subscriptions", TestHost.Json("""{"label":"phone"}""")), HttpStatusCode.Created);
        var response = await host.Client.GetAsync(subscription.GetProperty("feedUrl").GetString() + "&from=2025-01-01&to=2026-12-31&banners=false");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return FeedParsers.ParseWithIcalJs(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APersonalFeedShowsExactlyThatPersonsItemsAcrossCalendars()
    {
        await SetUpAsync();

        var leader = await PersonalFeedAsync(Leader);
        var driver = await PersonalFeedAsync(Driver);

        Assert.Equal("李卫平 · 我的行程 My schedule", leader.Name);
        // Six stops and the drive of the private trip, and the lecture: not the event he does not attend.
        Assert.Equal(8, leader.Events.Count);
        Assert.Contains(leader.Events, e => e.Summary == "经开讲堂 第21期 · 招商引资专题培训");
        Assert.Equal(["乘车前往北京 · 航天产业专题考察（鹤壁、北京）"], driver.Events.Select(e => e.Summary));
    }

    [Fact]
    public async Task APersonRemovedFromAnEventSeesItCancelled()
    {
        var trips = await SetUpAsync();
        var before = await PersonalFeedAsync(Leader);
        var trip = (await AssertJsonAsync(await host.Client.GetAsync($"/api/events?calendar={trips}"), HttpStatusCode.OK)).GetProperty("events")[0];
        var edited = JsonNode.Parse(trip.ToString())!;
        edited["participants"]![0]!.AsObject().Remove("personId");

        await AssertJsonAsync(await host.SendAsync(HttpMethod.Put, $"/api/events/{trip.GetProperty("id").GetString()}", edited.ToJsonString(), ifMatch: "\"r1\""), HttpStatusCode.OK);
        var after = await PersonalFeedAsync(Leader);

        var tripUids = before.Events.Where(e => e.Uid.StartsWith(trip.GetProperty("id").GetString()!)).Select(e => e.Uid).ToArray();
        Assert.Equal(7, tripUids.Length);
        Assert.All(after.Events.Where(e => tripUids.Contains(e.Uid)), e => Assert.Equal("CANCELLED", e.Status));
        Assert.Equal(tripUids.Order(), after.Events.Where(e => tripUids.Contains(e.Uid)).Select(e => e.Uid).Order());
    }

    [Fact]
    public async Task PeopleAreValidated()
    {
        await AssertProblemAsync(await host.Client.PutAsync("/api/people/x", TestHost.Json("""{"title":"no name"}""")), HttpStatusCode.BadRequest, "name");
        await AssertProblemAsync(await host.Client.PutAsync("/api/people/x", TestHost.Json("""{"name":"x","timeZone":"Nowhere/Else"}""")), HttpStatusCode.BadRequest, "timeZone");
        await AssertProblemAsync(await host.Client.GetAsync("/api/people/nobody-at-all"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await host.Client.GetAsync("/api/people/nobody-at-all/feed.ics"), HttpStatusCode.NotFound);
    }
}
