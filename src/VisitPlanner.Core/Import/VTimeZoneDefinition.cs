using NodaTime;

namespace VisitPlanner.Core.Import;

/// <summary>
/// A VTIMEZONE of the file, read far enough to say which offsets it gives when, so that a TZID no zone database knows
/// ("Customized Time Zone", "(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi") can be matched with the IANA zone
/// that gives the same. Only the offsets count; names (TZNAME) are not compared.
/// </summary>
internal sealed record VTimeZoneDefinition(string Tzid, int Line, IReadOnlyList<VTimeZoneObservance> Observances)
{
    /// <summary>The VTIMEZONE's TZID as written (trimmed), whether or not its rules can be read.</summary>
    public static string? TzidOf(IcsComponent vtimezone) => vtimezone.First("TZID")?.Value.Trim() is { Length: > 0 } tzid ? tzid : null;

    /// <summary>The definition, or null when it has no TZID or no observance, or one this reader cannot evaluate.</summary>
    public static VTimeZoneDefinition? Read(IcsComponent vtimezone)
    {
        if (TzidOf(vtimezone) is not { } tzid) return null;
        var observances = new List<VTimeZoneObservance>();
        foreach (var block in vtimezone.Components.Where(c => c.Name is "STANDARD" or "DAYLIGHT"))
        {
            if (Observance(block) is not { } observance) return null;
            observances.Add(observance);
        }
        return observances.Count == 0 ? null : new VTimeZoneDefinition(tzid, vtimezone.Line, observances);
    }

    private static VTimeZoneObservance? Observance(IcsComponent block)
    {
        if (block.First("DTSTART") is not { } dtstart || IcsTime.Parse(dtstart.Value, null) is not IcsTime.Floating start) return null;
        if (ParseOffset(block.First("TZOFFSETFROM")?.Value) is not { } from || ParseOffset(block.First("TZOFFSETTO")?.Value) is not { } to) return null;
        var rules = block.All("RRULE").ToArray();
        if (rules.Length > 1) return null;
        ObservanceRule? rule = null;
        if (rules.Length == 1 && (rule = ObservanceRule.Parse(rules[0].Value)) is null) return null;
        var rdates = new List<LocalDateTime>();
        foreach (var value in block.All("RDATE").SelectMany(r => r.Value.Split(',')))
        {
            switch (IcsTime.Parse(value, null))
            {
                case IcsTime.Floating local: rdates.Add(local.Value); break;
                case IcsTime.Utc utc: rdates.Add(utc.Value.WithOffset(from).LocalDateTime); break;
                default: return null;
            }
        }
        return new VTimeZoneObservance(start.Value, from, to, rule, rdates);
    }

    /// <summary>"+0800", "-0500", "+053000" (RFC 5545 section 3.3.14).</summary>
    private static Offset? ParseOffset(string? text)
    {
        text = text?.Trim();
        if (text is not { Length: 5 or 7 } || text[0] is not ('+' or '-') || !text[1..].All(char.IsAsciiDigit)) return null;
        var hours = int.Parse(text[1..3], System.Globalization.CultureInfo.InvariantCulture);
        var minutes = int.Parse(text[3..5], System.Globalization.CultureInfo.InvariantCulture);
        var seconds = text.Length == 7 ? int.Parse(text[5..7], System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (hours > 17 || minutes > 59 || seconds > 59) return null;
        var total = hours * 3600 + minutes * 60 + seconds;
        return Offset.FromSeconds(text[0] == '-' ? -total : total);
    }

    /// <summary>What it gives from <paramref name="start"/> to <paramref name="end"/>: the offset in force at the start and each change after.</summary>
    public ZoneOffsets Offsets(Instant start, Instant end)
    {
        var onsets = Observances
            .SelectMany(o => o.Onsets(start.InUtc().Year, end.InUtc().Year).Select(at => (At: at, o.From, o.To)))
            .OrderBy(o => o.At)
            .ToArray();
        // Before its first onset a zone is at the offset that onset comes from.
        var before = Array.FindLastIndex(onsets, o => o.At <= start);
        var initial = before >= 0 ? onsets[before].To : onsets[0].From;
        var changes = new List<(Instant, Offset)>();
        var current = initial;
        foreach (var (at, _, offset) in onsets.Where(o => o.At > start && o.At < end))
        {
            if (offset == current) continue;
            changes.Add((at, offset));
            current = offset;
        }
        return new ZoneOffsets(initial, changes);
    }
}
