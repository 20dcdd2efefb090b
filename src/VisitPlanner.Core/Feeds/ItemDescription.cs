using System.Text;
using VisitPlanner.Core.Domain;

namespace VisitPlanner.Core.Feeds;

/// <summary>
/// The DESCRIPTION of an item's VEVENT: short lines a phone shows well, with the event it belongs to,
/// where it sits in the itinerary, the notes, and who takes part. Labels are Chinese and English, as
/// staff and foreign partners read the same feeds.
/// </summary>
public static class ItemDescription
{
    public static string For(VisitEvent visit, ItineraryItem item)
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
        if (item.Notes is { } notes) text.Append("备注 Notes: ").Append(notes).Append('\n');
        text.Append("组织 Organizer: ").Append(visit.Organizer.Name);
        if (visit.Organizer.Organization is { } organization) text.Append(" (").Append(organization).Append(')');
        text.Append('\n');
        if (visit.Participants.Count > 0)
        {
            text.Append("参加人员 Participants:\n");
            foreach (var participant in visit.Participants) text.Append("- ").Append(participant.ToDisplayText()).Append('\n');
        }
        if (visit.Description is { } description) text.Append('\n').Append(description).Append('\n');
        return text.ToString().TrimEnd('\n');
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
