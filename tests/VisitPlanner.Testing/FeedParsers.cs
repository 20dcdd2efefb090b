using System.Diagnostics;
using System.Text.Json;
using VisitPlanner.DevTools.Azurite;

namespace VisitPlanner.Testing;

/// <summary>An event as an independent parser read it from a feed. Start/End: UTC "…Z" for timed items, "yyyy-MM-dd" for all-day ones.</summary>
public sealed record ParsedEvent(
    string Uid, string Summary, string? Description, string? Location, string? Status, int Sequence,
    bool AllDay, string Start, string End, string? Tzid, IReadOnlyList<string> Categories,
    IReadOnlyList<double>? Geo, string? Url, string? Organizer, IReadOnlyList<ParsedAttendee> Attendees,
    IReadOnlyList<string> Alarms, string? LastModified);

/// <summary>An ATTENDEE: its address (mailto:…), CN and ROLE.</summary>
public sealed record ParsedAttendee(string Address, string? Name, string? Role);

public sealed record ParsedFeed(string? Name, string? RefreshInterval, string? PublishedTtl, IReadOnlyList<string> TimeZones, IReadOnlyList<ParsedEvent> Events);

/// <summary>
/// Feeds read by parsers that share no code with Ical.Net: npm ical.js (Thunderbird's engine) and Debian's
/// python3-icalendar. Both compute instants from the feed's own VTIMEZONEs (see tests/tools).
/// </summary>
public static class FeedParsers
{
    public const string IcalJs = "ical.js";
    public const string PythonIcalendar = "python3-icalendar";

    public static readonly IReadOnlyList<string> All = [IcalJs, PythonIcalendar];

    public static ParsedFeed Parse(string parser, string ics) => parser switch
    {
        IcalJs => ParseWithIcalJs(ics),
        PythonIcalendar => ParseWithPython(ics),
        _ => throw new ArgumentOutOfRangeException(nameof(parser)),
    };

    public static ParsedFeed ParseWithIcalJs(string ics)
    {
        var root = RepositoryRoot.Find();
        NodeTools.EnsureInstalled(root);
        return Run("node", $"\"{Path.Combine(root, "tests", "tools", "ics-to-json.mjs")}\"", ics, root);
    }

    public static ParsedFeed ParseWithPython(string ics)
    {
        var root = RepositoryRoot.Find();
        return Run(PythonIcalendarAvailability.Python, $"\"{Path.Combine(root, "tests", "tools", "ics_to_json.py")}\"", ics, root);
    }

    private static ParsedFeed Run(string program, string arguments, string ics, string workingDirectory)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        // Floating or unresolved times must not borrow the machine's zone.
        start.Environment["TZ"] = "UTC";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(ics);
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} could not parse the feed: {errors.Result}");
        return JsonSerializer.Deserialize<ParsedFeed>(output.Result, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
