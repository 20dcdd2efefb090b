using System.Globalization;
using System.Text;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// The DESCRIPTION of an item's VEVENT: short lines a phone shows well, with the event it belongs to, where it sits in
/// the itinerary, the place, how to join online, the notes, who leads and who is on this item (everyone, when few), how
/// many take part, and the event page's link, since many clients hide URL. Labels are Chinese and English, as staff and
/// foreign partners read the same feeds.
/// </summary>
public static class ItemDescription
{
    /// <summary>Of the event's own description, the part every VEVENT repeats; the page has all of it.</summary>
    public const int MaxEventDescription = 300;

    public static string For(VisitEvent visit, ItineraryItem item, string? pageUrl)
    {
        var text = new StringBuilder();
        text.Append(visit.Title).Append(" · ").Append(visit.Kind.Label()).Append('\n');
        if (visit.Itinerary.Count > 1)
        {
            var position = IndexOf(visit, item) + 1;
            text.Append($"行程 Itinerary {position}/{visit.Itinerary.Count}\n");
        }
        if (visit.Lecture is { } lecture)
        {
            if (lecture.SessionLabel is { } session) text.Append("讲堂 Series: ").Append(session).Append('\n');
            if (lecture.Speaker is { } speaker) text.Append("主讲 Speaker: ").Append(speaker).Append('\n');
        }
        if (item.Location is { } place) text.Append("地点 Place: ").Append(place.ToSingleLine()).Append('\n');
        if (item.OnlineUrl is { } online) text.Append("线上 Online: ").Append(online).Append('\n');
        if (item.Notes is { } notes) text.Append("备注 Notes: ").Append(notes).Append('\n');
        text.Append("组织 Organizer: ").Append(visit.Organizer.Name);
        if (visit.Organizer.Organization is { } organization) text.Append(" (").Append(organization).Append(')');
        text.Append('\n');
        AppendPeople(text, visit, item);
        if (pageUrl is not null) text.Append("详情 Details: ").Append(pageUrl).Append('\n');
        if (visit.Description is { } description) text.Append('\n').Append(Shortened(description)).Append('\n');
        return text.ToString().TrimEnd('\n');
    }

    private static void AppendPeople(StringBuilder text, VisitEvent visit, ItineraryItem item)
    {
        var everyone = ItemPeople.Everyone(visit, item);
        if (everyone.Count == 0) return;
        var named = ItemPeople.Named(visit, item);
        if (ItemPeople.IsEveryone(visit, item))
        {
            text.Append("参加人员 Participants:\n");
            foreach (var participant in named) text.Append("- ").Append(participant.ToDisplayText()).Append('\n');
            return;
        }
        var leaders = named.Where(ParticipantRoles.IsLeader).ToArray();
        var onThisItem = named.Where(p => !ParticipantRoles.IsLeader(p)).ToArray();
        if (leaders.Length > 0)
        {
            text.Append("带队 Leaders:\n");
            // Under that heading a role that only says "leads" says nothing more.
            foreach (var participant in leaders)
                text.Append("- ").Append((ParticipantRoles.IsOnlyLeading(participant) ? participant with { Role = null } : participant).ToDisplayText()).Append('\n');
        }
        if (onThisItem.Length > 0)
        {
            text.Append("本站 On this stop:\n");
            foreach (var participant in onThisItem) text.Append("- ").Append(participant.ToDisplayText()).Append('\n');
        }
        var count = everyone.Count.ToString(CultureInfo.InvariantCulture);
        text.Append($"共 {count} 人 · {count} participants\n");
    }

    private static string Shortened(string description)
    {
        var elements = StringInfo.GetTextElementEnumerator(description);
        var length = 0;
        while (elements.MoveNext())
        {
            if (++length > MaxEventDescription) return description[..elements.ElementIndex].TrimEnd() + "…（全文见详情 full text on the page）";
        }
        return description;
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
