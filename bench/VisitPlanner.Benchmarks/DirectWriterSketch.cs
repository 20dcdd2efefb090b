using System.Buffers;
using System.Globalization;
using System.Text;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;

namespace VisitPlanner.Benchmarks;

/// <summary>
/// NOT product code and not conformance-tested: a sketch of the same VEVENTs (same properties, escaping, 75-octet
/// folding, UTF-8) written straight into a byte buffer without Ical.Net's object model, to estimate what a direct
/// writer would cost against the 100 ms target. Live entries and timed items only; no banners, tombstones or
/// VTIMEZONEs (two small components here). See docs/performance.md.
/// </summary>
public static class DirectWriterSketch
{
    public static byte[] Write(FeedSource source, IEnumerable<AgendaEntry> entries)
    {
        var output = new ArrayBufferWriter<byte>(1 << 20);
        var line = new StringBuilder(512);
        void Emit(string name, string value, bool escape = false)
        {
            line.Clear().Append(name).Append(':');
            if (escape) Escape(line, value); else line.Append(value);
            Fold(line, output);
        }

        Emit("BEGIN", "VCALENDAR");
        Emit("VERSION", "2.0");
        Emit("PRODID", FeedRenderer.ProductId);
        Emit("METHOD", "PUBLISH");
        Emit("X-WR-CALNAME", source.Name, escape: true);
        foreach (var entry in entries.OrderBy(e => e.Event.StartsAt).ThenBy(e => e.Event.Id, StringComparer.Ordinal))
        {
            var visit = entry.Event;
            foreach (var item in visit.Itinerary)
            {
                Emit("BEGIN", "VEVENT");
                Emit("CATEGORIES", visit.Kind.ToWireName());
                Emit("CREATED", Utc(visit.CreatedAt));
                Emit("DESCRIPTION", ItemDescription.For(visit, item), escape: true);
                Emit($"DTEND;TZID={item.Timing.Zone.Id}", Local(item.Timing.End));
                Emit("DTSTAMP", Utc(visit.UpdatedAt));
                Emit($"DTSTART;TZID={item.Timing.Zone.Id}", Local(item.Timing.Start));
                if (item.Location is { } place)
                {
                    if (place.Latitude is { } lat && place.Longitude is { } lon)
                        Emit("GEO", $"{lat.ToString(CultureInfo.InvariantCulture)};{lon.ToString(CultureInfo.InvariantCulture)}");
                    Emit("LOCATION", place.ToSingleLine(), escape: true);
                }
                Emit("LAST-MODIFIED", Utc(visit.UpdatedAt));
                if (visit.Organizer.Email is { } organizer) Emit($"ORGANIZER;CN={Quote(visit.Organizer.Name)}", $"mailto:{organizer}");
                foreach (var participant in visit.Participants.Concat(item.Participants).Where(p => p.Email is not null).DistinctBy(p => p.Email))
                {
                    var chairs = participant.Role is { } role && (role.Contains("主持") || role.Contains("带队"));
                    Emit($"ATTENDEE;CN={Quote(participant.Name)};ROLE={(chairs ? "CHAIR" : "REQ-PARTICIPANT")}", $"mailto:{participant.Email}");
                }
                Emit("SEQUENCE", (visit.Revision - 1).ToString(CultureInfo.InvariantCulture));
                Emit("STATUS", visit.Status == Core.Domain.EventStatus.Tentative ? "TENTATIVE" : "CONFIRMED");
                var summary = visit.Itinerary.Count > 1 ? $"{item.Title} · {visit.Title}" : item.Title;
                Emit("SUMMARY", summary, escape: true);
                Emit("TRANSP", "OPAQUE");
                Emit("UID", FeedUid.ForItem(visit.Id, item.Id));
                if (source.EventUrl(visit.Id) is { } url) Emit("URL", url);
                if (source.AlarmMinutesBefore is { } minutes)
                {
                    Emit("BEGIN", "VALARM");
                    Emit("ACTION", "DISPLAY");
                    Emit("DESCRIPTION", summary, escape: true);
                    Emit("TRIGGER", $"-PT{minutes}M");
                    Emit("END", "VALARM");
                }
                Emit("END", "VEVENT");
            }
        }
        Emit("END", "VCALENDAR");
        return output.WrittenSpan.ToArray();
    }

    private static string Utc(Instant instant) => instant.ToDateTimeUtc().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Local(LocalDateTime local) => local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Quote(string value) => value.IndexOfAny([',', ';', ':']) >= 0 ? $"\"{value}\"" : value;

    private static void Escape(StringBuilder line, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': line.Append("\\\\"); break;
                case ';': line.Append("\\;"); break;
                case ',': line.Append("\\,"); break;
                case '\n': line.Append("\\n"); break;
                case '\r': break;
                default: line.Append(c); break;
            }
        }
    }

    /// <summary>Writes one content line as UTF-8, folded at 75 octets without splitting a character, CRLF-terminated.</summary>
    private static void Fold(StringBuilder line, ArrayBufferWriter<byte> output)
    {
        Span<byte> encoded = stackalloc byte[4];
        var width = 0;
        foreach (var chunk in line.GetChunks())
        {
            var span = chunk.Span;
            for (var i = 0; i < span.Length; i++)
            {
                var length = char.IsHighSurrogate(span[i]) && i + 1 < span.Length
                    ? Encoding.UTF8.GetBytes(span.Slice(i++, 2), encoded)
                    : Encoding.UTF8.GetBytes(span.Slice(i, 1), encoded);
                if (width + length > 75)
                {
                    output.Write("\r\n "u8);
                    width = 1;
                }
                output.Write(encoded[..length]);
                width += length;
            }
        }
        output.Write("\r\n"u8);
    }
}
