using System.Text.Json;
using NodaTime.TimeZones;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Domain.Recurrence;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Core.Json;

/// <summary>
/// Turns an event's JSON (as organizers send it, or as it was stored) into domain values, naming every
/// field that is wrong. The one place that knows the event's JSON shape on the way in.
/// </summary>
public static class EventJsonReader
{
    public const int MaxItineraryItems = 200;
    public const int MaxParticipants = 500;
    public const int MaxCalendars = 20;

    /// <summary>
    /// Distinct people (personId) one event may name, at event and item level together: each has a personal feed the
    /// event is written to, so this bounds a write's fan-out (docs/storage.md).
    /// </summary>
    public const int MaxPeople = 500;

    private static readonly HashSet<string> EventFields =
    [
        "kind", "title", "description", "timeZone", "calendars", "organizer", "participants", "itinerary",
        "speaker", "series", "seriesId", "sessionNumber", "status", "recurrence", "exceptions",
        // Server-owned fields a client may echo back from a GET; accepted and ignored.
        "id", "revision", "createdAt", "updatedAt", "startsAt", "endsAt", "removedItems", "source", "occurrences",
    ];

    private static readonly HashSet<string> ItemFields = ["id", "title", "start", "end", "timeZone", "location", "notes", "participants", "onlineUrl"];

    /// <summary>The longest <c>onlineUrl</c> accepted: meeting links with their passcodes are far shorter.</summary>
    public const int MaxUrlLength = 2000;
    private static readonly HashSet<string> PlaceFields = ["name", "address", "city", "lat", "lon"];
    private static readonly HashSet<string> OrganizerFields = ["name", "organization", "email"];
    private static readonly HashSet<string> ParticipantFields = ["name", "title", "organization", "role", "email", "personId"];

    /// <summary>The calendar ids the body names, so the caller can load them before <see cref="ReadDraft"/>.</summary>
    public static IReadOnlyList<string> PeekCalendarIds(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && JsonFieldReader.Find(root, "calendars") is { ValueKind: JsonValueKind.Array } calendars
            ? calendars.EnumerateArray()
                .Select(c => c.ValueKind == JsonValueKind.String && JsonFieldReader.TryGetString(c, out var id) ? id : "")
                .Where(id => Identifier.Problem(id) is null)
                .Distinct()
                .Take(MaxCalendars)
                .ToArray()
            : [];

    /// <summary>The person ids participants refer to (event and item level), so the caller can load them before <see cref="ReadDraft"/>.</summary>
    public static IReadOnlyList<string> PeekPersonIds(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return [];
        var lists = new List<JsonElement>();
        if (JsonFieldReader.Find(root, "participants") is { ValueKind: JsonValueKind.Array } eventLevel) lists.Add(eventLevel);
        if (JsonFieldReader.Find(root, "itinerary") is { ValueKind: JsonValueKind.Array } items)
        {
            lists.AddRange(items.EnumerateArray()
                .Where(i => i.ValueKind == JsonValueKind.Object)
                .Select(i => JsonFieldReader.Find(i, "participants"))
                .OfType<JsonElement>()
                .Where(p => p.ValueKind == JsonValueKind.Array));
        }
        return lists.SelectMany(l => l.EnumerateArray())
            .Where(p => p.ValueKind == JsonValueKind.Object)
            .Select(p => JsonFieldReader.Find(p, "personId"))
            .Select(id => id is { ValueKind: JsonValueKind.String } s && JsonFieldReader.TryGetString(s, out var text) ? text : "")
            .Where(id => Identifier.Problem(id) is null)
            .Distinct()
            .ToArray();
    }

    /// <summary>
    /// Reads an organizer's event. <paramref name="knownCalendars"/> holds the calendars that exist among
    /// those named; null skips that check (stored events were checked when written).
    /// </summary>
    public static EventReading ReadDraft(
        JsonElement root, IReadOnlyDictionary<string, VisitCalendar> knownCalendars, IReadOnlyDictionary<string, Person> knownPeople, Func<string> newItemId) =>
        Read(root, new Context(knownCalendars, knownPeople, newItemId));

    /// <summary>What reading needs besides the JSON. <see cref="People"/> null skips the existence check of people.</summary>
    private sealed record Context(IReadOnlyDictionary<string, VisitCalendar> Calendars, IReadOnlyDictionary<string, Person>? People, Func<string> NewItemId);

    private static EventReading Read(JsonElement root, Context context)
    {
        var knownCalendars = context.Calendars;
        var reader = new JsonFieldReader();
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Fail("$", $"the body must be a JSON object, not {JsonFieldReader.Describe(root)}");
            return new EventReading(null, reader.Errors, reader.Warnings);
        }
        reader.RejectUnknown(root, "", EventFields);
        var people = PeekPersonIds(root).Count;
        if (people > MaxPeople)
        {
            reader.Fail("participants", $"the event names {people} different people (personId); it may name at most {MaxPeople}");
            // Which of so many people exist is beside the point, and was not looked up.
            context = context with { People = null };
        }

        var kind = ReadKind(reader, root);
        var title = reader.String(root, "title", "", required: true, TextRules.Title);
        var description = reader.String(root, "description", "", required: false, TextRules.LongText);
        var calendars = ReadCalendars(reader, root, knownCalendars);
        var zone = ReadZone(reader, root, "", calendars, knownCalendars);
        var organizer = ReadOrganizer(reader, root);
        var participants = ReadParticipants(reader, root, "", context.People);
        // With no usable zone there is already an error; the default zone still lets every item be checked.
        var itinerary = ReadItinerary(reader, root, zone ?? TimeZones.Default, context);
        var lecture = ReadLecture(reader, root);
        var status = ReadStatus(reader, root);
        var first = itinerary is { Count: > 0 } ? SeriesExpansion.FirstDate(itinerary) : (LocalDate?)null;
        var recurrence = RecurrenceJsonReader.ReadRule(reader, root, first);
        var exceptions = RecurrenceJsonReader.ReadExceptions(reader, root, JsonFieldReader.Find(root, "recurrence") is not null, itinerary);
        if (itinerary is { Count: > 0 } && itinerary.Max(i => i.Timing.EndInstant) - itinerary.Min(i => i.Timing.StartInstant) > Retention.MaxEventSpan)
            reader.Fail("itinerary", $"spans more than {Retention.MaxEventSpan.Days} days from first start to last end; split it into several events");

        if (reader.HasErrors) return new EventReading(null, reader.Errors, reader.Warnings);
        var draft = new EventDraft(kind!.Value, title!, description, zone!, calendars!, organizer!, participants!, itinerary!, lecture, status)
        {
            Recurrence = recurrence,
            Exceptions = exceptions,
        };
        return new EventReading(draft, [], reader.Warnings);
    }

    private static EventKind? ReadKind(JsonFieldReader reader, JsonElement root)
    {
        var name = reader.String(root, "kind", "", required: true, TextRules.Token);
        if (name is null) return null;
        if (EventKindNames.TryParse(name, out var kind)) return kind;
        reader.Fail("kind", $"'{name}' is not a kind; use one of: {string.Join(", ", EventKindNames.All)}");
        return null;
    }

    /// <summary>The status the body sets, or null when it sets none (a new event is then confirmed, a replaced one keeps its own).</summary>
    private static EventStatus? ReadStatus(JsonFieldReader reader, JsonElement root)
    {
        var name = reader.String(root, "status", "", required: false, TextRules.Token);
        if (name is null) return null;
        if (EventStatusNames.TryParse(name, out var status) && status.IsOpen()) return status;
        reader.Fail("status", $"'{name}' is not a status an organizer can set; use 'confirmed' or 'tentative' (DELETE cancels an event)");
        return null;
    }

    private static IReadOnlyList<string>? ReadCalendars(JsonFieldReader reader, JsonElement root, IReadOnlyDictionary<string, VisitCalendar> known)
    {
        var elements = reader.Array(root, "calendars", "", required: true, MaxCalendars);
        if (elements is null) return null;
        if (elements.Count == 0)
        {
            reader.Fail("calendars", "must name at least one calendar");
            return null;
        }
        var ids = new List<string>();
        for (var i = 0; i < elements.Count; i++)
        {
            var path = JsonFieldReader.PathOf("calendars", i);
            var id = reader.Text(elements[i], path, required: true, TextRules.Token);
            if (id is null) continue;
            if (Identifier.Problem(id) is { } problem) reader.Fail(path, problem);
            else if (!known.ContainsKey(id)) reader.Fail(path, $"calendar '{id}' does not exist; create it first (PUT …/calendars/{id})");
            else if (ids.Contains(id)) reader.Fail(path, $"calendar '{id}' is listed twice");
            else ids.Add(id);
        }
        return ids;
    }

    private static DateTimeZone? ReadZone(JsonFieldReader reader, JsonElement obj, string parentPath,
        IReadOnlyList<string>? calendars, IReadOnlyDictionary<string, VisitCalendar>? known)
    {
        var id = reader.String(obj, "timeZone", parentPath, required: false, TextRules.Token);
        if (id is not null)
        {
            if (TimeZones.Find(id) is { } zone) return zone;
            reader.Fail(JsonFieldReader.PathOf(parentPath, "timeZone"), $"'{id}' is not an IANA time zone (such as Asia/Shanghai or Europe/Berlin)");
            return null;
        }
        // Default: the first calendar's zone (items default to the event's, which the caller handles).
        if (calendars is { Count: > 0 } && known is not null && known.TryGetValue(calendars[0], out var first)) return first.TimeZone;
        return null;
    }

    private static Organizer? ReadOrganizer(JsonFieldReader reader, JsonElement root)
    {
        if (reader.Object(root, "organizer", "", required: true) is not { } obj) return null;
        reader.RejectUnknown(obj, "organizer", OrganizerFields);
        var name = reader.String(obj, "name", "organizer", required: true, TextRules.Name);
        var organization = reader.String(obj, "organization", "organizer", required: false, TextRules.Name);
        var email = ReadEmail(reader, obj, "organizer");
        return name is null ? null : new Organizer(name, organization, email);
    }

    /// <summary>
    /// Participants, each with a name or a <c>personId</c>: a person named only by id takes their name, title,
    /// organization and email from the person as stored now (so their ATTENDEE has an address); fields given win.
    /// </summary>
    private static IReadOnlyList<Participant>? ReadParticipants(JsonFieldReader reader, JsonElement obj, string parentPath, IReadOnlyDictionary<string, Person>? knownPeople)
    {
        if (JsonFieldReader.Find(obj, "participants") is null) return [];
        var elements = reader.Array(obj, "participants", parentPath, required: false, MaxParticipants);
        if (elements is null) return null;
        var participants = new List<Participant>();
        var listPath = JsonFieldReader.PathOf(parentPath, "participants");
        for (var i = 0; i < elements.Count; i++)
        {
            var path = JsonFieldReader.PathOf(listPath, i);
            if (elements[i].ValueKind != JsonValueKind.Object)
            {
                reader.Fail(path, $"must be an object, not {JsonFieldReader.Describe(elements[i])}");
                continue;
            }
            var entry = elements[i];
            var mark = reader.Mark;
            reader.RejectUnknown(entry, path, ParticipantFields);
            var personId = reader.String(entry, "personId", path, required: false, TextRules.Token);
            Person? person = null;
            if (personId is not null && Identifier.Problem(personId) is { } personProblem) reader.Fail(JsonFieldReader.PathOf(path, "personId"), personProblem);
            else if (personId is not null && knownPeople is not null && !knownPeople.TryGetValue(personId, out person))
                reader.Fail(JsonFieldReader.PathOf(path, "personId"), $"person '{personId}' does not exist; create them first (PUT …/people/{personId})");
            var name = reader.String(entry, "name", path, required: personId is null, TextRules.Name);
            var title = reader.String(entry, "title", path, required: false, TextRules.Name);
            var organization = reader.String(entry, "organization", path, required: false, TextRules.Name);
            var role = reader.String(entry, "role", path, required: false, TextRules.Name);
            var email = ReadEmail(reader, entry, path);
            name ??= person?.Name;
            if (name is not null) participants.Add(new Participant(name, title ?? person?.Title, organization ?? person?.Organization, role, email ?? person?.Email, personId));
            else reader.EnsureFailedSince(mark, path);
        }
        return participants;
    }

    internal static string? ReadEmail(JsonFieldReader reader, JsonElement obj, string parentPath)
    {
        var email = reader.String(obj, "email", parentPath, required: false, TextRules.Email);
        if (email is null) return null;
        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || email.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or ',' or ';' or ':' or '"'))
        {
            reader.Fail(JsonFieldReader.PathOf(parentPath, "email"), "must be an email address such as name@example.com");
            return null;
        }
        return email;
    }

    private static Lecture? ReadLecture(JsonFieldReader reader, JsonElement root)
    {
        var seriesId = reader.String(root, "seriesId", "", required: false, TextRules.Token);
        if (seriesId is not null && Identifier.Problem(seriesId) is { } problem)
        {
            reader.Fail("seriesId", problem);
            seriesId = null;
        }
        var lecture = new Lecture(
            reader.String(root, "speaker", "", required: false, TextRules.Name),
            reader.String(root, "series", "", required: false, TextRules.Name),
            reader.Integer(root, "sessionNumber", "", 1, 100_000))
        {
            SeriesId = seriesId,
        };
        return lecture.IsEmpty ? null : lecture;
    }

    private static IReadOnlyList<ItineraryItem>? ReadItinerary(JsonFieldReader reader, JsonElement root, DateTimeZone eventZone, Context context)
    {
        var elements = reader.Array(root, "itinerary", "", required: true, MaxItineraryItems);
        if (elements is null) return null;
        if (elements.Count == 0)
        {
            reader.Fail("itinerary", "must have at least one item (an event needs a time to appear in calendars)");
            return null;
        }
        var items = new List<ItineraryItem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < elements.Count; i++)
        {
            var path = JsonFieldReader.PathOf("itinerary", i);
            if (elements[i].ValueKind != JsonValueKind.Object)
            {
                reader.Fail(path, $"must be an object, not {JsonFieldReader.Describe(elements[i])}");
                continue;
            }
            var mark = reader.Mark;
            var item = ReadItem(reader, elements[i], path, eventZone, context);
            if (item is null)
            {
                reader.EnsureFailedSince(mark, path);
                continue;
            }
            if (!ids.Add(item.Id)) reader.Fail(JsonFieldReader.PathOf(path, "id"), $"item id '{item.Id}' is used twice in this itinerary");
            items.Add(item);
        }
        return items;
    }

    private static ItineraryItem? ReadItem(JsonFieldReader reader, JsonElement obj, string path, DateTimeZone eventZone, Context context)
    {
        reader.RejectUnknown(obj, path, ItemFields);
        var id = reader.String(obj, "id", path, required: false, TextRules.Token);
        if (id is not null && Identifier.Problem(id) is { } idProblem)
        {
            reader.Fail(JsonFieldReader.PathOf(path, "id"), idProblem);
            id = null;
        }
        var title = reader.String(obj, "title", path, required: true, TextRules.Title);
        var ownZone = JsonFieldReader.Find(obj, "timeZone") is not null;
        var zone = ownZone ? ReadZone(reader, obj, path, null, null) : eventZone;
        var timing = zone is null ? null : ReadTiming(reader, obj, path, zone);
        var location = ReadPlace(reader, obj, path);
        var notes = reader.String(obj, "notes", path, required: false, TextRules.LongText);
        var participants = ReadParticipants(reader, obj, path, context.People);
        var onlineUrl = ReadUrl(reader, obj, path, "onlineUrl");
        if (title is null || timing is null || participants is null) return null;
        return new ItineraryItem(id ?? context.NewItemId(), title, timing, location, notes, ownZone) { Participants = participants, OnlineUrl = onlineUrl };
    }

    /// <summary>An absolute http or https URL (where to join online), as given.</summary>
    private static string? ReadUrl(JsonFieldReader reader, JsonElement obj, string parentPath, string name)
    {
        var text = reader.String(obj, name, parentPath, required: false, new TextRules(MaxUrlLength, Formatted: true));
        if (text is null) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !string.IsNullOrEmpty(uri.Host) && !text.Any(char.IsWhiteSpace))
            return text;
        reader.Fail(JsonFieldReader.PathOf(parentPath, name), "must be an absolute http(s) URL, such as https://meeting.tencent.com/dm/abc123");
        return null;
    }

    internal static ItemTiming? ReadTiming(JsonFieldReader reader, JsonElement obj, string path, DateTimeZone zone)
    {
        var start = ReadTime(reader, obj, path, "start");
        var end = ReadTime(reader, obj, path, "end");
        if (start is null || end is null) return null;
        var startPath = JsonFieldReader.PathOf(path, "start");
        var endPath = JsonFieldReader.PathOf(path, "end");
        if (start is TimeInput.Date startDate)
        {
            if (end is not TimeInput.Date endDate)
            {
                reader.Fail(endPath, "must be a date like start, since start is a date (an all-day item)");
                return null;
            }
            if (endDate.Value < startDate.Value)
            {
                reader.Fail(endPath, $"{TimeInput.Format(endDate.Value)} is before start {TimeInput.Format(startDate.Value)}");
                return null;
            }
            var allDay = ItemTiming.AllDay(startDate.Value, endDate.Value, zone);
            return WithinLimits(reader, startPath, allDay.StartInstant) & WithinLimits(reader, endPath, allDay.EndInstant) ? allDay : null;
        }
        if (end is TimeInput.Date)
        {
            reader.Fail(endPath, "must be a date-time like start, since start has a time");
            return null;
        }
        var zonedStart = Resolve(reader, startPath, start, zone);
        var zonedEnd = Resolve(reader, endPath, end, zone);
        if (!(WithinLimits(reader, startPath, zonedStart.ToInstant()) & WithinLimits(reader, endPath, zonedEnd.ToInstant()))) return null;
        if (zonedEnd.ToInstant() < zonedStart.ToInstant())
        {
            reader.Fail(endPath, $"{Describe(zonedEnd)} is before start {Describe(zonedStart)} ({zone.Id})" + MovedNote(start, zonedStart));
            return null;
        }
        return ItemTiming.Timed(zonedStart, zonedEnd);
    }

    /// <summary>
    /// The time an input names in the item's zone, by one rule (RFC 5545 section 3.3.5): an instant with an offset is that
    /// instant; a local time skipped by a daylight-saving change moves forward by the gap, and one that happens twice is the
    /// first. Either of those is said in a warning naming the field and the instant chosen.
    /// </summary>
    private static ZonedDateTime Resolve(JsonFieldReader reader, string path, TimeInput input, DateTimeZone zone)
    {
        if (input is TimeInput.Absolute absolute) return absolute.Value.InZone(zone);
        var local = ((TimeInput.Local)input).Value;
        var mapping = zone.MapLocal(local);
        if (mapping.Count == 1) return mapping.Single();
        var chosen = local.InZone(zone, Resolvers.LenientResolver);
        if (mapping.Count == 0)
        {
            var after = zone.GetZoneInterval(chosen.ToInstant());
            var before = zone.GetZoneInterval(after.Start - NodaTime.Duration.Epsilon);
            reader.Warn(path, $"{TimeInput.Format(local)} does not exist in {zone.Id}: on {TimeInput.Format(local.Date)} clocks go from {Clock(after.Start.WithOffset(before.WallOffset).LocalDateTime)} straight to {Clock(after.Start.WithOffset(after.WallOffset).LocalDateTime)}; it is taken as {Describe(chosen)}");
        }
        else
        {
            reader.Warn(path, $"{TimeInput.Format(local)} happens twice in {zone.Id}; the first, {Describe(chosen)}, is taken (send {TimeInput.Format(mapping.Last().ToOffsetDateTime())} for the second)");
        }
        return chosen;
    }

    private static bool WithinLimits(JsonFieldReader reader, string path, Instant instant)
    {
        if (EventLimits.Contains(instant) || instant == EventLimits.Latest) return true;
        reader.Fail(path, $"is out of range: events may lie from {EventLimits.Describe()}, and this is {TimeInput.Format(instant)}");
        return false;
    }

    /// <summary>"2027-03-28T03:30:00+02:00 (2027-03-28T01:30:00Z)": the local time with its offset, and the instant.</summary>
    private static string Describe(ZonedDateTime time) => $"{TimeInput.Format(time.ToOffsetDateTime())} ({TimeInput.Format(time.ToInstant())})";

    private static string Clock(LocalDateTime time) => time.TimeOfDay.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Why a start differs from what was sent, for an end-before-start message.</summary>
    private static string MovedNote(TimeInput sent, ZonedDateTime taken) =>
        sent is TimeInput.Local local && local.Value != taken.LocalDateTime
            ? $"; start {TimeInput.Format(local.Value)} does not exist there and became {TimeInput.Format(taken.LocalDateTime)}"
            : "";

    private static TimeInput? ReadTime(JsonFieldReader reader, JsonElement obj, string path, string name)
    {
        var text = reader.String(obj, name, path, required: true, TextRules.Time);
        if (text is null) return null;
        var input = TimeInput.Parse(text);
        if (input is null)
        {
            reader.Fail(JsonFieldReader.PathOf(path, name), $"'{text}' is not {TimeInput.AcceptedShapes}");
            return null;
        }
        return input;
    }

    internal static Place? ReadPlace(JsonFieldReader reader, JsonElement obj, string parentPath)
    {
        if (reader.Object(obj, "location", parentPath, required: false) is not { } place) return null;
        var path = JsonFieldReader.PathOf(parentPath, "location");
        reader.RejectUnknown(place, path, PlaceFields);
        var name = reader.String(place, "name", path, required: true, TextRules.ShortText);
        var address = reader.String(place, "address", path, required: false, TextRules.ShortText);
        var city = reader.String(place, "city", path, required: false, TextRules.Name);
        var lat = reader.Number(place, "lat", path, -90, 90);
        var lon = reader.Number(place, "lon", path, -180, 180);
        // Only a valid coordinate lacks its partner: one that is out of range has its own error already.
        var latGiven = JsonFieldReader.Find(place, "lat") is not null;
        var lonGiven = JsonFieldReader.Find(place, "lon") is not null;
        if (latGiven != lonGiven && (lat.HasValue || lon.HasValue))
            reader.Fail(JsonFieldReader.PathOf(path, lat.HasValue ? "lon" : "lat"), "must be given together with " + (lat.HasValue ? "lat" : "lon"));
        return name is null ? null : new Place(name, address, city, lat, lon);
    }
}
