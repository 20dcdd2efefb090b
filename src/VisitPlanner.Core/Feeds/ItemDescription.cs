using System.Globalization;
using System.Text;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds.Model;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// The DESCRIPTION of an item's VEVENT: short lines a phone shows well, with the event it belongs to, where it sits in
/// the itinerary, the place, how to join online, the notes, who leads and who is on this item (everyone, when few), how
/// many take part, and the event page's link, since many clients hide URL. Labels are Chinese and English, as staff and
/// foreign partners read the same feeds. Written straight into the feed's line (<see cref="FeedText"/>), as a feed
/// holds thousands.
/// </summary>
public sealed class ItemDescription(VisitEvent visit, ItineraryItem item, ItemPeople people, string? place, string? pageUrl) : FeedText
{
    /// <summary>Of the event's own description, the part every VEVENT repeats; the page has all of it.</summary>
    public const int MaxEventDescription = 300;

    public override void AppendTo(StringBuilder text)
    {
        var start = text.Length;
        text.Append(visit.Title).Append(" · ").Append(visit.Kind.Label()).Append('\n');
        if (visit.Itinerary.Count > 1)
        {
            var position = IndexOf(visit, item) + 1;
            text.Append(CultureInfo.InvariantCulture, $"行程 Itinerary {position}/{visit.Itinerary.Count}\n");
        }
        if (visit.Lecture is { } lecture)
        {
            if (lecture.SessionLabel is { } session) text.Append("讲堂 Series: ").Append(session).Append('\n');
            if (lecture.Speaker is { } speaker) text.Append("主讲 Speaker: ").Append(speaker).Append('\n');
        }
        if (place is not null) text.Append("地点 Place: ").Append(place).Append('\n');
        if (item.OnlineUrl is { } online) text.Append("线上 Online: ").Append(online).Append('\n');
        if (item.Notes is { } notes) text.Append("备注 Notes: ").Append(notes).Append('\n');
        text.Append("组织 Organizer: ").Append(visit.Organizer.Name);
        if (visit.Organizer.Organization is { } organization) text.Append(" (").Append(organization).Append(')');
        text.Append('\n');
        AppendPeople(text);
        if (pageUrl is not null) text.Append("详情 Details: ").Append(pageUrl).Append('\n');
        if (visit.Description is { } description) AppendShortened(text.Append('\n'), description).Append('\n');
        while (text.Length > start && text[^1] == '\n') text.Length--;
    }

    private void AppendPeople(StringBuilder text)
    {
        if (people.Everyone.Count == 0) return;
        if (people.IsEveryone)
        {
            text.Append("参加人员 Participants:\n");
            foreach (var participant in people.Named) participant.AppendDisplayText(text.Append("- "), withRole: true).Append('\n');
            return;
        }
        var leaders = false;
        foreach (var participant in people.Named)
        {
            if (!ParticipantRoles.IsLeader(participant)) continue;
            if (!leaders) text.Append("带队 Leaders:\n");
            leaders = true;
            // Under that heading a role that only says "leads" says nothing more.
            participant.AppendDisplayText(text.Append("- "), withRole: !ParticipantRoles.IsOnlyLeading(participant)).Append('\n');
        }
        var onThisItem = false;
        foreach (var participant in people.Named)
        {
            if (ParticipantRoles.IsLeader(participant)) continue;
            if (!onThisItem) text.Append("本站 On this stop:\n");
            onThisItem = true;
            participant.AppendDisplayText(text.Append("- "), withRole: true).Append('\n');
        }
        var count = people.Everyone.Count;
        text.Append(CultureInfo.InvariantCulture, $"共 {count} 人 · {count} participants\n");
    }

    private static StringBuilder AppendShortened(StringBuilder text, string description)
    {
        // A text element is at least one UTF-16 unit, so a description this short has no more elements than that.
        if (description.Length <= MaxEventDescription) return text.Append(description);
        var elements = StringInfo.GetTextElementEnumerator(description);
        var length = 0;
        while (elements.MoveNext())
        {
            if (++length > MaxEventDescription) return text.Append(description.AsSpan(0, elements.ElementIndex).TrimEnd()).Append("…（全文见详情 full text on the page）");
        }
        return text.Append(description);
    }

    private static int IndexOf(VisitEvent visit, ItineraryItem item)
    {
        for (var i = 0; i < visit.Itinerary.Count; i++)
        {
            if (visit.Itinerary[i].Id == item.Id) return i;
        }
        return -1;
    }
}
