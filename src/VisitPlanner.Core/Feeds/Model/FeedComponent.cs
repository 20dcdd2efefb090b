using NodaTime;

namespace VisitPlanner.Core.Feeds.Model;

/// <summary>
/// One VEVENT of a feed, as data: what it says, apart from how it is written (<see cref="Serialization.FeedWriter"/>
/// writes it as text; <see cref="IcalNet.IcalNetFeedWriter"/> through Ical.Net, for comparison).
/// </summary>
public sealed record FeedComponent
{
    public required string Uid { get; init; }
    public required string Summary { get; init; }
    public FeedText? Description { get; init; }
    public required FeedTime Start { get; init; }
    public required FeedTime End { get; init; }
    public string? Location { get; init; }
    public (double Latitude, double Longitude)? Geo { get; init; }
    public string? Url { get; init; }
    public FeedAttendee? Organizer { get; init; }
    public IReadOnlyList<FeedAttendee> Attendees { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public required FeedStatus Status { get; init; }
    public required int Sequence { get; init; }
    public required Instant Created { get; init; }
    public required Instant LastModified { get; init; }
    public required Instant Stamp { get; init; }

    /// <summary>TRANSP:TRANSPARENT: shown, but not busy (all-day items and banners).</summary>
    public required bool Transparent { get; init; }

    public FeedAlarm? Alarm { get; init; }

    /// <summary>CLASS:PRIVATE: someone's own entry, which a shared or delegated calendar shows only as busy.</summary>
    public bool Private { get; init; }

    /// <summary>RFC 7986 COLOR, a CSS3 colour name.</summary>
    public string? Color { get; init; }

    public FeedConference? Conference { get; init; }

    /// <summary>A series master's RRULE; null for a single entry or a series written by its dates alone.</summary>
    public FeedRule? Rule { get; init; }

    /// <summary>RDATE: instances beyond the rule (extra dates, make-up working days), in the form DTSTART has.</summary>
    public IReadOnlyList<FeedTime> ExtraDates { get; init; } = [];

    /// <summary>EXDATE: instances of the rule that do not take place (holidays skipped, occurrences cancelled).</summary>
    public IReadOnlyList<FeedTime> ExceptionDates { get; init; } = [];

    /// <summary>RECURRENCE-ID of an override: which instance of its master (same UID) it replaces, in the master's form.</summary>
    public FeedTime? RecurrenceId { get; init; }

    /// <summary>The zone the times are counted in, for timed components: null for all-day ones.</summary>
    public ZoneUse? Zone { get; init; }
}
