namespace VisitPlanner.Core.Import;

/// <summary>
/// Nests content lines into components by their BEGIN and END lines (RFC 5545 section 3.4), checking that each END
/// closes the innermost BEGIN and that the file is one or more VCALENDARs with nothing outside them.
/// </summary>
public static class ComponentReader
{
    /// <summary>The file's VCALENDARs (RFC 5545 allows several in one stream; exports write one).</summary>
    public static IReadOnlyList<IcsComponent> Read(IReadOnlyList<ContentLine> lines)
    {
        if (lines.Count == 0) throw new IcsSyntaxException(1, "the file is empty: an iCalendar file starts with BEGIN:VCALENDAR");
        var calendars = new List<IcsComponent>();
        var open = new Stack<Builder>();
        var events = 0;
        foreach (var line in lines)
        {
            if (line.Name is "BEGIN" or "END")
            {
                var name = line.Value.Trim().ToUpperInvariant();
                if (name.Length == 0) throw new IcsSyntaxException(line.Line, $"{line.Name} names no component");
                if (line.Name == "BEGIN")
                {
                    if (open.Count == 0 && name != "VCALENDAR") throw Outside(line, calendars.Count, $"BEGIN:{name}");
                    if (open.Count == ImportLimits.MaxDepth)
                        throw new IcsTooLargeException(line.Line, $"BEGIN:{name} nests components more than {ImportLimits.MaxDepth} deep");
                    if (name == "VEVENT" && ++events > ImportLimits.MaxEvents)
                        throw new IcsTooLargeException(line.Line, $"the file has more than {ImportText.Number(ImportLimits.MaxEvents)} VEVENTs; an import takes at most that many: split the file");
                    open.Push(new Builder(name, line.Line));
                    continue;
                }
                if (open.Count == 0) throw new IcsSyntaxException(line.Line, $"END:{name} closes nothing: no component is open");
                var top = open.Pop();
                if (top.Name != name) throw new IcsSyntaxException(line.Line, $"END:{name} does not close BEGIN:{top.Name} of line {top.Line}, the innermost component open");
                var component = top.Build();
                if (open.Count == 0) calendars.Add(component);
                else open.Peek().Components.Add(component);
                continue;
            }
            if (open.Count == 0) throw Outside(line, calendars.Count, line.Name);
            open.Peek().Properties.Add(line);
        }
        if (open.Count > 0)
        {
            var unclosed = open.Peek();
            throw new IcsSyntaxException(unclosed.Line, $"BEGIN:{unclosed.Name} is never closed: the file ends before its END:{unclosed.Name}");
        }
        return calendars;
    }

    private static IcsSyntaxException Outside(ContentLine line, int calendarsRead, string what) => new(line.Line, calendarsRead == 0
        ? $"the file does not start with BEGIN:VCALENDAR (its first line is {what}): it is not an iCalendar file"
        : $"{what} comes after END:VCALENDAR, outside any calendar");

    private sealed class Builder(string name, int line)
    {
        public string Name => name;

        public int Line => line;

        public List<ContentLine> Properties { get; } = [];

        public List<IcsComponent> Components { get; } = [];

        public IcsComponent Build() => new(name, line, Properties, Components);
    }
}
