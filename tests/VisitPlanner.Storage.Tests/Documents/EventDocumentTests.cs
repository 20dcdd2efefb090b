using System.Text;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Json;
using VisitPlanner.Storage.Documents;
using VisitPlanner.Storage.Tests.Tables;
using VisitPlanner.Storage.Tables;

namespace VisitPlanner.Storage.Tests.Documents;

public class EventDocumentTests
{
    private static VisitEvent Shouyang() => StoredEvents.Shouyang("evt-shouyang-2025", "shouyang-edz-trips");

    [Fact]
    public void WhatIsWrittenReadsBackAsTheSameEvent()
    {
        var original = Shouyang() with { Status = EventStatus.Cancelled, Revision = 4 };

        var read = EventDocument.Read(EventDocument.Write(original), EventDocument.CurrentSchema);

        Assert.Equal(EventJsonWriter.ToUtf8(original), EventJsonWriter.ToUtf8(read));
        Assert.Equal(EventStatus.Cancelled, read.Status);
        Assert.Equal(4, read.Revision);
        Assert.Equal(original.Itinerary, read.Itinerary);
    }

    [Fact]
    public void ASeriesReadsBackWithItsRuleHolidaysExceptionsAndSource()
    {
        var original = StoredEvents.WeeklySeries("evt-weekly", "shouyang-edz-trips");

        var document = EventDocument.Write(original);
        var read = EventDocument.Read(document, EventDocument.SchemaOf(original));

        Assert.Equal(3, EventDocument.SchemaOf(original));
        Assert.True(read.SameContentAs(original));
        Assert.Equal(original.Recurrence, read.Recurrence);
        Assert.Equal(original.Source, read.Source);
        Assert.Equal(original.Occurrences, read.Occurrences);
        Assert.Equal(EventJsonWriter.ToUtf8(original), EventJsonWriter.ToUtf8(read));
    }

    [Fact]
    public void AnEventWithoutSeriesOrSourceIsStillWrittenAsSchemaTwo() => Assert.Equal(2, EventDocument.SchemaOf(Shouyang()));

    [Fact]
    public void TextIsStoredAsUtf8WithoutEscapes()
    {
        var rockets = string.Concat(Enumerable.Repeat("🚀航天", 60));
        var visit = Shouyang() with { Title = rockets, Description = "引号 \" 与 \\ 反斜杠\n换行" };

        var document = EventDocument.Write(visit);

        var text = Encoding.UTF8.GetString(document);
        Assert.Contains(rockets, text);
        Assert.DoesNotContain("\\uD83D", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\\\"", text);
        Assert.Contains("\\n", text);
        Assert.Equal(visit.Description, EventDocument.Read(document, EventDocument.CurrentSchema).Description);
    }

    [Fact]
    public void AnOffsetChoosingTheSecondOfTwoLocalTimesSurvives()
    {
        var york = DateTimeZoneProviders.Tzdb["America/New_York"];
        var second = Instant.FromUtc(2026, 11, 1, 6, 30).InZone(york);
        var visit = Shouyang() with { TimeZone = york, Itinerary = [Shouyang().Itinerary[0] with { Timing = ItemTiming.Timed(second, second.PlusMinutes(30)) }] };

        var read = EventDocument.Read(EventDocument.Write(visit), EventDocument.CurrentSchema);

        Assert.Equal(Instant.FromUtc(2026, 11, 1, 6, 30), read.Itinerary[0].Timing.StartInstant);
        Assert.Equal(Offset.FromHours(-5), read.Itinerary[0].Timing.StartOffset);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void ASchemaThisVersionDoesNotKnowIsRefusedAsCorrupt(int schema) =>
        Assert.Throws<InvalidDataException>(() => EventDocument.Read(EventDocument.Write(Shouyang()), schema));

    [Fact]
    public void ABrokenDocumentIsCorruptNotABadRequest() =>
        Assert.Throws<InvalidDataException>(() => EventDocument.Read("{\"id\":\"x\"}"u8.ToArray(), EventDocument.CurrentSchema));

    /// <summary>
    /// Every committed fixture's events read back with this version's reader, whatever today's API would say of them:
    /// schema 1 holds an event of 1899-12-31 (years before 1901 are refused now) and a title whose emoji it escaped.
    /// </summary>
    [Theory]
    [InlineData(1, "shanxi-1900", "山西 1900", "1899-12-31T15:54:17Z")]
    [InlineData(1, "shouyang-aerospace-2025", "航天产业专题考察（鹤壁、北京）🚀", "2025-10-15T00:30:00Z")]
    [InlineData(2, "shouyang-aerospace-2025", "航天产业专题考察（鹤壁、北京）🚀", "2025-10-15T00:30:00Z")]
    [InlineData(2, "new-york-2026", "纽约 New York", "2026-11-01T06:30:00Z")]
    [InlineData(3, "weekly-meeting-2026", "周例会", "2026-09-07T01:00:00Z")]
    public void EveryFixtureReadsBack(int schema, string eventId, string title, string startsAt)
    {
        var (_, entity) = StoredFixture.Rows(schema).Single(r => r.Table == "Events" && r.Entity.PartitionKey == eventId);

        var visit = DocumentColumns.ReadEvent(entity).Event;

        Assert.Equal(eventId, visit.Id);
        Assert.Equal(title, visit.Title);
        Assert.Equal(startsAt, TimeInput.Format(visit.StartsAt));
        Assert.Equal(entity.GetInt32("Revision"), visit.Revision);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TombstonesOfEverySchemaKeepWhatACancelledEntryShows(int schema)
    {
        var (_, entity) = StoredFixture.Rows(schema).Single(r => r.Table == "Events" && r.Entity.PartitionKey == "shouyang-aerospace-2025");

        var removed = Assert.Single(DocumentColumns.ReadEvent(entity).Event.RemovedItems);

        Assert.Equal(("tianzhang", "调研天章卫星智造基地", 2), (removed.Item.Id, removed.Item.Title, removed.Revision));
        Assert.Equal(Instant.FromUtc(2025, 10, 15, 5, 30), removed.Item.Timing.StartInstant);
    }
}
