namespace VisitPlanner.Core.Tests.Feeds;

public partial class VTimeZoneEvaluationTests
{
    /// <summary>The zones the other tests use, and a sample of 20 more with summer time, both hemispheres.</summary>
    public static readonly string[] Zones =
    [
        // Used by the tests and fixtures.
        "Asia/Shanghai", "Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Europe/Dublin", "Asia/Tehran", "Africa/Casablanca",
        // Northern hemisphere.
        "Europe/London", "Europe/Chisinau", "Atlantic/Azores", "America/Chicago", "America/Denver", "America/Los_Angeles",
        "America/Anchorage", "America/St_Johns", "America/Havana", "America/Nuuk", "Asia/Jerusalem", "Asia/Beirut", "Asia/Gaza", "Africa/Cairo",
        // Southern hemisphere.
        "Australia/Sydney", "Australia/Adelaide", "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham", "America/Santiago",
        "America/Asuncion", "Pacific/Easter",
    ];

    /// <summary>Spans of a feed's events: around now, years ahead (far from a rule's first onset), and years back (older rules).</summary>
    public static TheoryData<string, int, int> EnginesAndSpans()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var engine in VisitPlanner.Testing.ZoneProbe.Engines)
        {
            data.Add(engine, 2025, 2026);
            data.Add(engine, 2031, 2031);
            data.Add(engine, 2008, 2011);
        }
        return data;
    }
}
