using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Links;
using VisitPlanner.Core.Services;

namespace VisitPlanner.Functions.Http;

/// <summary>
/// Secret feed URLs of calendars and people. Issuing, listing and revoking them is administration, so all
/// of it needs a function key in Azure; the URLs themselves are opened by their token alone.
/// </summary>
public sealed class SubscriptionFunctions(SubscriptionService subscriptions, PublicLinks links)
{
    [Function("CreateCalendarSubscription")]
    public Task<IActionResult> CreateForCalendar(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.CalendarSubscriptions)] HttpRequest request,
        string calendarId, CancellationToken cancellationToken) =>
        CreateAsync(AgendaKey.Calendar(calendarId), request, cancellationToken);

    [Function("ListCalendarSubscriptions")]
    public Task<IActionResult> ListForCalendar(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = Routes.CalendarSubscriptions)] HttpRequest request,
        string calendarId, CancellationToken cancellationToken) =>
        ListAsync(AgendaKey.Calendar(calendarId), cancellationToken);

    [Function("RevokeCalendarSubscription")]
    public Task<IActionResult> RevokeForCalendar(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = Routes.CalendarSubscription)] HttpRequest request,
        string calendarId, string subscriptionId, CancellationToken cancellationToken) =>
        RevokeAsync(AgendaKey.Calendar(calendarId), subscriptionId, cancellationToken);

    [Function("CreatePersonSubscription")]
    public Task<IActionResult> CreateForPerson(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.PersonSubscriptions)] HttpRequest request,
        string personId, CancellationToken cancellationToken) =>
        CreateAsync(AgendaKey.Person(personId), request, cancellationToken);

    [Function("ListPersonSubscriptions")]
    public Task<IActionResult> ListForPerson(
        [HttpTrigger(AuthorizationLevel.Function, "get", "head", Route = Routes.PersonSubscriptions)] HttpRequest request,
        string personId, CancellationToken cancellationToken) =>
        ListAsync(AgendaKey.Person(personId), cancellationToken);

    [Function("RevokePersonSubscription")]
    public Task<IActionResult> RevokeForPerson(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = Routes.PersonSubscription)] HttpRequest request,
        string personId, string subscriptionId, CancellationToken cancellationToken) =>
        RevokeAsync(AgendaKey.Person(personId), subscriptionId, cancellationToken);

    private async Task<IActionResult> CreateAsync(AgendaKey agenda, HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = await JsonRequest.ReadAsync(request, cancellationToken);
        var siteLinks = links.For(request);
        var issued = await subscriptions.CreateAsync(agenda, body.RootElement, siteLinks, cancellationToken);
        if (issued.Problem is { } problem) return Responses.Problem(problem);
        var (subscription, subscribe, pageUrl) = issued.Value!;
        var bytes = JsonOutput.ToUtf8(writer => SubscriptionJson.Write(writer, subscription, subscribe, pageUrl));
        // Not cacheable anywhere: this body holds the only copy of the token.
        return new BytesResult(201, Responses.Json, bytes, new Dictionary<string, string>
        {
            ["Location"] = siteLinks.SubscriptionPath(agenda, subscription.Id),
            ["Cache-Control"] = "no-store",
        });
    }

    private async Task<IActionResult> ListAsync(AgendaKey agenda, CancellationToken cancellationToken)
    {
        var listed = await subscriptions.ListAsync(agenda, cancellationToken);
        if (listed.Problem is { } problem) return Responses.Problem(problem);
        var bytes = JsonOutput.ToUtf8(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("subscriptions");
            foreach (var subscription in listed.Value!) SubscriptionJson.Write(writer, subscription);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        return new BytesResult(200, Responses.Json, bytes);
    }

    private async Task<IActionResult> RevokeAsync(AgendaKey agenda, string subscriptionId, CancellationToken cancellationToken)
    {
        var revoked = await subscriptions.RevokeAsync(agenda, subscriptionId, cancellationToken);
        return revoked.Problem is { } problem ? Responses.Problem(problem) : new StatusResult(204);
    }
}
