using System.Text.Json;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;

namespace VisitPlanner.Core.Json;

/// <summary>A subscription's JSON shape. The token appears only in the links returned when it is created.</summary>
public static class SubscriptionJson
{
    private static readonly HashSet<string> Fields = ["label", "expiresAt"];

    public static (SubscriptionDraft? Draft, IReadOnlyList<FieldError> Errors) ReadDraft(JsonElement root, Instant now)
    {
        var reader = new JsonFieldReader();
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Fail("$", $"the body must be a JSON object, not {JsonFieldReader.Describe(root)}");
            return (null, reader.Errors);
        }
        reader.RejectUnknown(root, "", Fields);
        var label = reader.String(root, "label", "", required: true, TextRules.Name);
        Instant? expiresAt = null;
        if (reader.String(root, "expiresAt", "", required: false, TextRules.Time) is { } text)
        {
            expiresAt = TimeInput.Parse(text) is TimeInput.Absolute absolute ? absolute.Value : null;
            if (expiresAt is null) reader.Fail("expiresAt", "must be a date-time with Z or an offset, such as 2026-12-31T16:00:00Z");
            else if (expiresAt <= now) reader.Fail("expiresAt", "must be in the future");
        }
        return reader.HasErrors ? (null, reader.Errors) : (new SubscriptionDraft(label!, expiresAt), []);
    }

    public static void Write(Utf8JsonWriter writer, Subscription subscription, SubscribeLinks? links = null, string? pageUrl = null)
    {
        writer.WriteStartObject();
        writer.WriteString("id", subscription.Id);
        writer.WriteString("label", subscription.Label);
        writer.WriteString("createdAt", TimeInput.Format(subscription.CreatedAt));
        if (subscription.ExpiresAt is { } expires) writer.WriteString("expiresAt", TimeInput.Format(expires));
        if (subscription.LastFetchedAt is { } fetched) writer.WriteString("lastFetchedAt", TimeInput.Format(fetched));
        if (links is not null)
        {
            writer.WriteString("feedUrl", links.FeedUrl);
            writer.WriteString("webcalUrl", links.WebcalUrl);
            writer.WriteString("googleUrl", links.GoogleUrl);
            writer.WriteString("outlookUrl", links.OutlookUrl);
        }
        if (pageUrl is not null) writer.WriteString("pageUrl", pageUrl);
        writer.WriteEndObject();
    }
}
