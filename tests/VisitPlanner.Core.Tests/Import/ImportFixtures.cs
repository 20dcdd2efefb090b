using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Import;
using VisitPlanner.Core.Json;
using VisitPlanner.Core.Services;
using VisitPlanner.Core.Time;
using VisitPlanner.DevTools.Azurite;

namespace VisitPlanner.Core.Tests.Import;

/// <summary>
/// The .ics fixtures beside these tests (exports as Outlook, Google and Apple write them, and broken files), read as the
/// import endpoint will read them: into 寿阳经开区's meetings calendar in Asia/Shanghai.
/// </summary>
internal static class ImportFixtures
{
    public const string CalendarId = "shouyang-edz-meetings";
    public const string FallbackOrganizer = "寿阳经开区党政办";

    public static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Read from the source tree, not the output folder: the project copies only the feed fixtures, and this folder owns none of the project file.</summary>
    public static string PathOf(string name) => Path.Combine(RepositoryRoot.Find(), "tests", "VisitPlanner.Core.Tests", "Import", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static ImportPlan Read(string name, string zone = TimeZones.DefaultId) =>
        IcsImporter.Read(Bytes(name), CalendarId, TimeZones.Find(zone)!, FallbackOrganizer);

    /// <summary>An .ics written in a test, lines joined with CRLF, inside a VCALENDAR.</summary>
    public static ImportPlan ReadEvents(string vevents, string zone = TimeZones.DefaultId, string vtimezones = "") =>
        IcsImporter.Read(Calendar(vevents, vtimezones), CalendarId, TimeZones.Find(zone)!, FallbackOrganizer);

    public static string Calendar(string vevents, string vtimezones = "") =>
        string.Join("\r\n", $"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//VisitPlanner//import tests//EN\n{vtimezones}\n{vevents}\nEND:VCALENDAR"
            .Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)) + "\r\n";

    /// <summary>A VEVENT with a UID and a SUMMARY, and the lines given.</summary>
    public static string Event(string uid, params string[] lines) =>
        string.Join("\n", new[] { "BEGIN:VEVENT", $"UID:{uid}", "SUMMARY:周例会" }.Concat(lines).Append("END:VEVENT"));

    public static string Json(JsonNode node) => node.ToJsonString(Readable);

    /// <summary>The expected body, re-written the same way, so a test's JSON may be spaced for reading.</summary>
    public static string Expected(string json) => JsonNode.Parse(json)!.ToJsonString(Readable);

    public static ImportedEvent Single(ImportPlan plan, string uid, string? recurrenceId = null) =>
        Assert.Single(plan.Events, e => e.Uid == uid && e.RecurrenceId == recurrenceId);

    /// <summary>
    /// The body goes through the API as a POST would: the reader accepts it, and a series settles against China's
    /// working calendar with every exception naming an occurrence.
    /// </summary>
    public static void AssertAccepted(ImportedEvent imported)
    {
        using var document = JsonDocument.Parse(imported.Body.ToJsonString(), JsonOutput.ParseOptions);
        var known = new Dictionary<string, VisitCalendar> { [CalendarId] = TestEvents.Calendar(CalendarId) };
        var counter = 0;
        var (draft, errors) = EventJsonReader.ReadDraft(document.RootElement, known, new Dictionary<string, Person>(), () => $"new{++counter}");
        Assert.True(draft is not null, $"{imported.Uid} (line {imported.Line}) is refused: {string.Join("; ", errors)}");
        if (draft.Recurrence is null) return;
        var settled = SeriesHolidays.Settle(draft, TestEvents.Holidays, []);
        Assert.True(settled.Problem is null, $"{imported.Uid} (line {imported.Line}) does not settle: {settled.Problem}");
    }

    public static void AssertAllAccepted(ImportPlan plan)
    {
        Assert.NotEmpty(plan.Events);
        foreach (var imported in plan.Events) AssertAccepted(imported);
    }
}
