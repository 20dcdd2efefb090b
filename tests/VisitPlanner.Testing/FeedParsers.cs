using System.Text.Json;
using VisitPlanner.DevTools.Azurite;

namespace VisitPlanner.Testing;

/// <summary>
/// An event as an independent consumer read it from a feed. Start/End: UTC "…Z" for timed items, "yyyy-MM-dd" for
/// all-day ones (End exclusive). Where <see cref="FeedParsers.Reports"/> says a consumer does not report a field, it is
/// null or empty, or not the feed's (khal's Uid is vdirsyncer's hash; recurring-ical-events' Tzid is the zone its
/// occurrence is in, X-WR-TIMEZONE for a UTC time).
/// </summary>
public sealed record ParsedEvent(
    string Uid, string Summary, string? Description, string? Location, string? Status, int? Sequence,
    bool AllDay, string Start, string End, string? Tzid, IReadOnlyList<string> Categories,
    IReadOnlyList<double>? Geo, string? Url, string? Organizer, IReadOnlyList<ParsedAttendee> Attendees,
    IReadOnlyList<string> Alarms, string? LastModified, string? Class = null, string? Color = null, ParsedConference? Conference = null);

/// <summary>An ATTENDEE: its address (mailto:…), CN and ROLE.</summary>
public sealed record ParsedAttendee(string Address, string? Name, string? Role);

/// <summary>A CONFERENCE (RFC 7986): where to join, and the LABEL of the button.</summary>
public sealed record ParsedConference(string Uri, string? Label);

/// <summary>
/// A feed as a consumer read it. <see cref="RestrictionErrors"/>: libical's RFC 5546 restriction check and parse
/// errors (X-LIC-ERROR texts), null for every other consumer.
/// </summary>
public sealed record ParsedFeed(
    string? Name, string? RefreshInterval, string? PublishedTtl, IReadOnlyList<string> TimeZones, IReadOnlyList<ParsedEvent> Events,
    IReadOnlyList<string>? RestrictionErrors = null);

/// <summary>What a consumer may not report: fields outside this list every consumer reports.</summary>
public enum ParsedField
{
    /// <summary>The feed's UID (khal's copy carries vdirsyncer's content hash instead).</summary>
    Uid,
    /// <summary>DTSTART's TZID as written (recurring-ical-events moves UTC times into the calendar's X-WR-TIMEZONE).</summary>
    Tzid,
    Sequence,
    /// <summary>VALARM triggers.</summary>
    Alarms,
    Geo,
    LastModified,
    /// <summary>ATTENDEE's CN and ROLE (the address every consumer reports).</summary>
    AttendeeNamesAndRoles,
    /// <summary>The calendar's name, refresh interval, published TTL and list of VTIMEZONEs.</summary>
    CalendarProperties,
    /// <summary>CLASS, COLOR and CONFERENCE (RFC 7986), which khal's listing does not show.</summary>
    ClassColorAndConference,
}

/// <summary>Where a consumer takes the meaning of DTSTART;TZID=… from.</summary>
public enum ZoneSource
{
    /// <summary>The feed's own VTIMEZONE with that TZID: a wrong VTIMEZONE gives wrong instants.</summary>
    FeedVTimezone,
    /// <summary>Its own tz database for a TZID it knows (every IANA name): the feed's VTIMEZONE is ignored.</summary>
    TzDatabase,
}

/// <summary>
/// Feeds read by seven consumers that share no code with Ical.Net, each a script in tests/tools printing the same
/// JSON (<see cref="ParsedFeed"/>):
/// npm ical.js (Thunderbird's engine) and node-ical; Debian's python3-icalendar, python3-vobject and
/// python3-recurring-ical-events; libical 3 through GObject introspection (Evolution's engine; it also runs the RFC 5546
/// restriction check); and khal, reading what vdirsyncer's http storage pulled into a vdir, the way a Linux user
/// subscribes. ical.js, python3-icalendar, python3-vobject and libical compute instants from the feed's own
/// VTIMEZONEs; node-ical, recurring-ical-events and khal from their tz database (<see cref="Zones"/>).
/// </summary>
public static class FeedParsers
{
    public const string IcalJs = "ical.js";
    public const string PythonIcalendar = "python3-icalendar";
    public const string NodeIcal = "node-ical";
    public const string Vobject = "python3-vobject";
    public const string RecurringIcalEvents = "python3-recurring-ical-events";
    public const string Libical = "libical";
    public const string Khal = "khal";

    private sealed record Consumer(string Name, bool Node, string Script, IReadOnlyList<DebianPackage> Packages, ZoneSource Zones, IReadOnlySet<ParsedField> Missing);

    private static readonly IReadOnlySet<ParsedField> Everything = new HashSet<ParsedField>();

    private static readonly IReadOnlyDictionary<string, Consumer> Consumers = new Consumer[]
    {
        new(IcalJs, true, "ics-to-json.mjs", [], ZoneSource.FeedVTimezone, Everything),
        new(PythonIcalendar, false, "ics_to_json.py", [DebianPackages.PythonIcalendar], ZoneSource.FeedVTimezone, Everything),
        new(NodeIcal, true, "node-ical-to-json.mjs", [], ZoneSource.TzDatabase, Everything),
        new(Vobject, false, "vobject_to_json.py", [DebianPackages.Vobject], ZoneSource.FeedVTimezone, Everything),
        new(RecurringIcalEvents, false, "recurring_ical_events_to_json.py", [DebianPackages.RecurringIcalEvents], ZoneSource.TzDatabase,
            new HashSet<ParsedField> { ParsedField.Tzid }),
        new(Libical, false, "libical_to_json.py", [DebianPackages.Libical], ZoneSource.FeedVTimezone, Everything),
        new(Khal, false, "khal_to_json.py", [DebianPackages.Khal, DebianPackages.Vdirsyncer], ZoneSource.TzDatabase,
            new HashSet<ParsedField>(Enum.GetValues<ParsedField>())),
    }.ToDictionary(c => c.Name);

    /// <summary>Every consumer, for theories over all of them (<see cref="FeedConsumerDataAttribute"/>).</summary>
    public static readonly IReadOnlyList<string> All = [IcalJs, PythonIcalendar, NodeIcal, Vobject, RecurringIcalEvents, Libical, Khal];

    /// <summary>The consumers that take a TZID's meaning from the feed's VTIMEZONE.</summary>
    public static readonly IReadOnlyList<string> FromFeedVTimezones = All.Where(c => Consumers[c].Zones == ZoneSource.FeedVTimezone).ToList();

    public static ZoneSource Zones(string consumer) => Find(consumer).Zones;

    /// <summary>Whether <paramref name="consumer"/> reports <paramref name="field"/>; where not, it is null or empty.</summary>
    public static bool Reports(string consumer, ParsedField field) => !Find(consumer).Missing.Contains(field);

    /// <summary>The Debian packages a consumer needs (none for the npm ones, which tests install from package-lock.json).</summary>
    public static IReadOnlyList<DebianPackage> Packages(string consumer) => Find(consumer).Packages;

    /// <summary>Why a test with this consumer is skipped here (see <see cref="DebianPackages"/>), or null.</summary>
    public static string? SkipReason(string consumer) => DebianPackages.SkipReason(Find(consumer).Packages);

    public static ParsedFeed Parse(string parser, string ics)
    {
        var consumer = Find(parser);
        var root = RepositoryRoot.Find();
        if (consumer.Node) NodeTools.EnsureInstalled(root);
        else if (string.Join(" ", consumer.Packages.Where(p => !p.IsAvailable).Select(p => p.Packages)) is { Length: > 0 } missing)
            throw new InvalidOperationException($"{parser} needs {missing}: sudo apt-get install {missing}");
        var script = $"\"{Path.Combine(root, "tests", "tools", consumer.Script)}\"";
        string output;
        try
        {
            output = consumer.Node ? ToolProcess.Run("node", script, ics, root) : ToolProcess.Run(DebianPackages.Python, script, ics, root);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{parser} could not parse the feed: {e.Message}", e);
        }
        return JsonSerializer.Deserialize<ParsedFeed>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    public static ParsedFeed ParseWithIcalJs(string ics) => Parse(IcalJs, ics);

    public static ParsedFeed ParseWithPython(string ics) => Parse(PythonIcalendar, ics);

    /// <summary>
    /// libical's verdict on a feed: the X-LIC-ERROR texts its parser and <c>check_restrictions()</c> leave on the
    /// calendar and every component in it, as "COMPONENT uid: text". Empty for a clean feed.
    /// </summary>
    public static IReadOnlyList<string> LibicalRestrictionErrors(string ics) => Parse(Libical, ics).RestrictionErrors!;

    private static Consumer Find(string consumer) =>
        Consumers.TryGetValue(consumer, out var found) ? found : throw new ArgumentOutOfRangeException(nameof(consumer), consumer, "not a feed consumer");
}
