using System.Net;

namespace VisitPlanner.Core.Pages;

/// <summary>
/// Escaping for the HTML pages. Every piece of text that came from a request (titles, names, places, notes,
/// and URLs built from the Host header) goes through <see cref="Encode"/> before it reaches a page, as text or
/// inside a double-quoted attribute: <c>&lt; &gt; &amp; " '</c> all become entities, so a title such as
/// <c>&lt;script&gt;</c> is shown, never run. Pages put no request text inside scripts or styles.
/// </summary>
public static class HtmlText
{
    /// <summary>Text for an element's content or a double-quoted attribute value; null reads as empty.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A double-quoted attribute: <c> name="value"</c>, with a leading space.</summary>
    public static string Attribute(string name, string? value) => $" {name}=\"{Encode(value)}\"";
}
