namespace VisitPlanner.Core.Domain;

/// <summary>
/// Someone taking part: a leader, an accompanying official, a speaker's host, a driver. <see cref="PersonId"/>
/// links them to a <see cref="Person"/>, whose personal feed then shows what they take part in.
/// </summary>
public sealed record Participant(string Name, string? Title = null, string? Organization = null, string? Role = null, string? Email = null, string? PersonId = null)
{
    /// <summary>"李卫平 (党工委书记、管委会主任, 寿阳经开区)": how a person reads in a description.</summary>
    public string ToDisplayText() => AppendDisplayText(new System.Text.StringBuilder(), withRole: true).ToString();

    /// <summary>Appends <see cref="ToDisplayText"/>, or the same without the role, without building a string of its own (feeds write thousands).</summary>
    public System.Text.StringBuilder AppendDisplayText(System.Text.StringBuilder text, bool withRole)
    {
        text.Append(Name);
        var first = true;
        foreach (var detail in (ReadOnlySpan<string?>)[Title, Organization, withRole ? Role : null])
        {
            if (string.IsNullOrWhiteSpace(detail)) continue;
            text.Append(first ? " (" : ", ").Append(detail);
            first = false;
        }
        return first ? text : text.Append(')');
    }
}
