namespace VisitPlanner.Core.Domain;

/// <summary>
/// Someone taking part: a leader, an accompanying official, a speaker's host, a driver. <see cref="PersonId"/>
/// links them to a <see cref="Person"/>, whose personal feed then shows what they take part in.
/// </summary>
public sealed record Participant(string Name, string? Title = null, string? Organization = null, string? Role = null, string? Email = null, string? PersonId = null)
{
    /// <summary>"李卫平 (党工委书记、管委会主任, 寿阳经开区)": how a person reads in a description.</summary>
    public string ToDisplayText()
    {
        var details = new[] { Title, Organization, Role }.Where(s => !string.IsNullOrWhiteSpace(s)).ToArray();
        return details.Length == 0 ? Name : $"{Name} ({string.Join(", ", details)})";
    }
}
