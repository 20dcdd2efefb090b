using System.Globalization;
using System.Text.Json;
using NodaTime;
using VisitPlanner.DevTools.Azurite;

namespace VisitPlanner.Testing;

/// <summary>
/// What the two engines that evaluate VTIMEZONEs themselves, ical.js and libical, make of a feed's VTIMEZONEs: the
/// UTC offset each VTIMEZONE puts in force at given instants, computed from that VTIMEZONE alone (its STANDARD and
/// DAYLIGHT observances, RRULEs and RDATEs; no tz database). One process call per <see cref="Offsets"/>, a few hundred
/// milliseconds for 30,000 samples. See tests/tools/ical-js-zone-offsets.mjs and libical_zone_offsets.py for the
/// engines' calls and their behaviour before a zone's first observance (ical.js: offset 0; libical: the first
/// observance's TZOFFSETFROM).
/// </summary>
public static class ZoneProbe
{
    public const string IcalJs = FeedParsers.IcalJs;
    public const string Libical = FeedParsers.Libical;

    public static readonly IReadOnlyList<string> Engines = [IcalJs, Libical];

    /// <summary>Per TZID of every VTIMEZONE in <paramref name="ics"/>: the offset at each sample, in order. Samples are whole seconds.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Offset>> Offsets(string engine, string ics, IReadOnlyList<Instant> samples)
    {
        var root = RepositoryRoot.Find();
        var input = JsonSerializer.Serialize(new { ics, samples = samples.Select(Iso).ToArray() });
        string output;
        switch (engine)
        {
            case IcalJs:
                NodeTools.EnsureInstalled(root);
                output = ToolProcess.Run("node", Script(root, "ical-js-zone-offsets.mjs"), input, root);
                break;
            case Libical:
                if (!DebianPackages.Libical.IsAvailable) throw new InvalidOperationException($"libical needs {DebianPackages.Libical.Packages}: sudo apt-get install {DebianPackages.Libical.Packages}");
                output = ToolProcess.Run(DebianPackages.Python, Script(root, "libical_zone_offsets.py"), input, root);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(engine), engine, "ical.js or libical");
        }
        var zones = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, int[]>>>(output)!["zones"];
        return zones.ToDictionary(z => z.Key, z => (IReadOnlyList<Offset>)z.Value.Select(Offset.FromSeconds).ToArray());
    }

    /// <summary>Why a test with this engine is skipped here, or null (see <see cref="DebianPackages"/>).</summary>
    public static string? SkipReason(string engine) => FeedParsers.SkipReason(engine);

    private static string Script(string root, string name) => $"\"{Path.Combine(root, "tests", "tools", name)}\"";

    private static string Iso(Instant instant)
    {
        if (instant.ToUnixTimeTicks() % NodaConstants.TicksPerSecond != 0)
            throw new ArgumentException($"{instant} is not a whole second; the engines work in seconds.", nameof(instant));
        return instant.ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
    }
}
