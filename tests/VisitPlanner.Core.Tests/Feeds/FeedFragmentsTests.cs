using System.Text;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Feeds;

namespace VisitPlanner.Core.Tests.Feeds;

/// <summary>
/// Events kept as written (<see cref="FeedFragments"/>) must never change a feed: every render that reuses them gives
/// the very bytes of a render that writes every event afresh, whatever changed in between.
/// </summary>
public class FeedFragmentsTests
{
    private static readonly Instant Edited = TestEvents.Updated + Duration.FromDays(1);

    private static readonly VisitEvent Shouyang = TestEvents.Shouyang();

    /// <summary>The visit at its next revision: retitled, and its last stop taken out (a tombstone).</summary>
    private static readonly VisitEvent ShouyangEdited = Shouyang with
    {
        Title = Shouyang.Title + "（调整）",
        Itinerary = Shouyang.Itinerary.Take(Shouyang.Itinerary.Count - 1).ToArray(),
        RemovedItems = [RemovedItem.Of(Shouyang.Itinerary[^1], Edited, Shouyang.Revision + 1)],
        Revision = Shouyang.Revision + 1,
        UpdatedAt = Edited,
    };

    private static readonly VisitEvent Meeting = TestEvents.FromJson(TestEvents.SingleItemJson(
        """{"id": "weekly", "title": "周例会", "start": "2025-10-13T09:00", "end": "2025-10-13T10:00"}"""), id: "evt-weekly-meeting");

    private static FeedSource Calendar(LocalDate? today = null, string linkBase = "https://visitplanner.example") =>
        FeedRendererTests.Source(today: today) with { EventUrl = id => $"{linkBase}/api/events/{id}/page" };

    private static FeedSource PersonalFeed(string personId) => FeedRendererTests.Source(personId: personId);

    private static string Fresh(FeedSource source, params AgendaEntry[] entries) => Encoding.UTF8.GetString(FeedRenderer.Render(source, entries));

    private static string Kept(FeedFragments fragments, FeedSource source, params AgendaEntry[] entries) =>
        Encoding.UTF8.GetString(FeedRenderer.RenderBody(source, entries, fragments: fragments).ToArray());

    /// <summary>One cache through every step, so each step meets what the ones before it kept.</summary>
    [Fact]
    public void EveryRenderThatReusesEventsEqualsOneThatWritesThemAll()
    {
        var fragments = new FeedFragments(new FeedOptions());
        var meeting = new AgendaEntry(Meeting);
        var withLi = new AgendaEntry(Meeting with { Id = "evt-weekly-li", Participants = [new Participant("李卫平", Role: "主持", PersonId: "li-weiping")] });
        var steps = new (string Name, FeedSource Source, AgendaEntry[] Entries)[]
        {
            ("first", Calendar(), [new AgendaEntry(Shouyang), meeting]),
            ("again", Calendar(), [new AgendaEntry(Shouyang), meeting]),
            ("edited", Calendar(), [new AgendaEntry(ShouyangEdited), meeting]),
            ("withdrawn", Calendar(), [new AgendaEntry(ShouyangEdited), meeting with { WithdrawnAt = Edited }]),
            ("a month later, tombstones lapsed", Calendar(FeedRendererTests.Today.PlusDays(40)), [new AgendaEntry(ShouyangEdited), meeting with { WithdrawnAt = Edited }]),
            ("another reader's links", Calendar(linkBase: "https://other.example"), [new AgendaEntry(ShouyangEdited), meeting]),
            ("a person's feed", PersonalFeed("li-weiping"), [withLi]),
            ("the calendar again", Calendar(), [new AgendaEntry(ShouyangEdited), meeting, withLi]),
        };

        foreach (var (name, source, entries) in steps)
        {
            var expected = Fresh(source, entries);
            Assert.True(expected == Kept(fragments, source, entries), $"the render '{name}' differs when it reuses kept events");
        }
    }

    [Fact]
    public void AChangeToOneEventWritesThatEventAlone()
    {
        var fragments = new FeedFragments(new FeedOptions());
        var others = Enumerable.Range(0, 20).Select(i => new AgendaEntry(Meeting with { Id = $"evt-meeting-{i:D2}" })).ToArray();
        Kept(fragments, Calendar(), [new AgendaEntry(Shouyang), .. others]);
        Assert.Equal(21, fragments.Count);

        Kept(fragments, Calendar(), [new AgendaEntry(Shouyang), .. others]);
        Assert.Equal(21, fragments.Count);

        Kept(fragments, Calendar(), [new AgendaEntry(ShouyangEdited), .. others]);
        Assert.Equal(22, fragments.Count);
    }

    [Fact]
    public void OnlyEventsWithTombstonesAreWrittenAgainWhenTheDayChanges()
    {
        var fragments = new FeedFragments(new FeedOptions());
        AgendaEntry[] entries = [new AgendaEntry(ShouyangEdited), new AgendaEntry(Meeting)];
        Kept(fragments, Calendar(), entries);

        Kept(fragments, Calendar(FeedRendererTests.Today.PlusDays(1)), entries);

        Assert.Equal(3, fragments.Count); // the meeting once, the edited visit (with its tombstone) once per day
    }

    [Fact]
    public void FeedsOfAnotherStyleNeverShareAnEventsBytes()
    {
        var fragments = new FeedFragments(new FeedOptions());
        var calendar = Calendar();
        Kept(fragments, calendar, new AgendaEntry(Meeting));

        var withoutAlarm = calendar with { AlarmMinutesBefore = null };
        var otherColours = calendar with { ColorOf = _ => "teal" };
        var personal = calendar with { IsPrivate = !calendar.IsPrivate };

        foreach (var source in new[] { withoutAlarm, otherColours, personal })
            Assert.Equal(Fresh(source, new AgendaEntry(Meeting)), Kept(fragments, source, new AgendaEntry(Meeting)));
        Assert.Equal(4, fragments.Count);
    }

    [Fact]
    public void AFeedOfKeptEventsIsStillRefusedPastItsLimit()
    {
        var fragments = new FeedFragments(new FeedOptions());
        var entries = Enumerable.Range(0, 20).Select(i => new AgendaEntry(Meeting with { Id = $"evt-meeting-{i:D2}" })).ToArray();
        var size = FeedRenderer.RenderBody(Calendar(), entries, fragments: fragments).Length;

        Assert.Throws<FeedTooLargeException>(() => FeedRenderer.RenderBody(Calendar(), entries, size - 1, fragments));
        Assert.Equal(size, FeedRenderer.RenderBody(Calendar(), entries, size, fragments).Length);
    }

    [Fact]
    public void KeptEventsStayWithinTheirBound()
    {
        var fragments = new FeedFragments(new FeedOptions { FragmentMegabytes = 1 });
        var entries = Enumerable.Range(0, 3_000).Select(i => new AgendaEntry(Meeting with { Id = $"evt-meeting-{i:D4}" })).ToArray();

        var body = FeedRenderer.RenderBody(Calendar(), entries, fragments: fragments);

        Assert.True(body.Length > 1536 * 1024, $"the feed ({body.Length} bytes) is larger than the bound, so some events cannot be kept");
        Assert.InRange(fragments.Bytes, 1, 1024 * 1024);
        Assert.Equal(Fresh(Calendar(), entries), Kept(fragments, Calendar(), entries));
    }

    [Fact]
    public void AKeyNeverShowsTheReadersLink()
    {
        var secret = "tok_3q9VwX7sL2mN8pR4tY6uZ1aB";
        var source = Calendar() with { EventUrl = id => $"https://visitplanner.example/api/events/{id}/page?token={secret}&calendar=shouyang-edz-trips" };

        var key = FragmentKey.Of(source, FeedStyle.Of(source), new AgendaEntry(Meeting));

        Assert.Contains(secret, key.EventUrl);
        Assert.DoesNotContain(secret, key.ToString());
        Assert.Contains(Meeting.Id, key.ToString());
    }

    [Fact]
    public void ABodyIsItsHeadItsEventsAndItsEndInOrder()
    {
        var body = FeedRenderer.RenderBody(Calendar(), [new AgendaEntry(Shouyang), new AgendaEntry(Meeting)]);
        var parts = body.Parts.Select(p => Encoding.UTF8.GetString(p.Span)).ToArray();

        Assert.Equal(4, parts.Length);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", parts[0]);
        Assert.Contains("BEGIN:VTIMEZONE\r\n", parts[0]);
        Assert.StartsWith("BEGIN:VEVENT\r\n", parts[1]);
        Assert.Equal("END:VCALENDAR\r\n", parts[3]);
        Assert.Equal(body.Length, body.ToArray().Length);
        Assert.Equal(string.Concat(parts), Encoding.UTF8.GetString(body.ToArray()));
    }
}
