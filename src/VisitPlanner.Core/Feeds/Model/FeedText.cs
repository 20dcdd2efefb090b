using System.Text;

namespace VisitPlanner.Core.Feeds.Model;

/// <summary>
/// A TEXT value (a DESCRIPTION) as what writes it, so that the feed writer appends a long description straight into
/// the line that carries it instead of every VEVENT building a string of its own; a string when asked for one
/// (<see cref="ToString"/>: Ical.Net, tests).
/// </summary>
public abstract class FeedText
{
    /// <summary>Appends the text, unescaped, to <paramref name="text"/>.</summary>
    public abstract void AppendTo(StringBuilder text);

    public override string ToString()
    {
        var text = new StringBuilder();
        AppendTo(text);
        return text.ToString();
    }

    public static implicit operator FeedText(string text) => new Plain(text);

    /// <summary>Texts are equal when they say the same, however they are written.</summary>
    public override bool Equals(object? obj) => obj is FeedText other && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    private sealed class Plain(string text) : FeedText
    {
        public override void AppendTo(StringBuilder builder) => builder.Append(text);

        public override string ToString() => text;
    }
}
