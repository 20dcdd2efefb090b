using System.Text.Json;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Tests.Json;

public class EventJsonWriterTests
{
    [Fact]
    public void WhatIsWrittenReadsBackAsTheSameEvent()
    {
        var original = TestEvents.Shouyang() with { Status = EventStatus.Cancelled, Revision = 4 };

        using var json = JsonDocument.Parse(EventJsonWriter.ToUtf8(original));
        var read = EventJsonReader.ReadStored(json.RootElement);

        Assert.Equal(EventJsonWriter.ToUtf8(original), EventJsonWriter.ToUtf8(read));
        Assert.Equal(EventStatus.Cancelled, read.Status);
        Assert.Equal(4, read.Revision);
        Assert.Equal(original.Itinerary, read.Itinerary);
    }

    [Fact]
    public void ChineseIsWrittenAsItselfAndTimesAsLocalWallClock()
    {
        var text = System.Text.Encoding.UTF8.GetString(EventJsonWriter.ToUtf8(TestEvents.Shouyang()));

        Assert.Contains("\"title\":\"航天产业专题考察（鹤壁、北京）\"", text);
        Assert.Contains("\"start\":\"2025-10-15T08:30:00\"", text);
        Assert.Contains("\"startsAt\":\"2025-10-15T00:30:00Z\"", text);
        Assert.DoesNotContain("\"timeZone\":\"Asia/Shanghai\",\"location\"", text);
    }

    [Fact]
    public void AGetResponseCanBePutBackUnchanged()
    {
        var original = TestEvents.Shouyang();
        var echoed = System.Text.Encoding.UTF8.GetString(EventJsonWriter.ToUtf8(original));

        var (draft, errors) = TestEvents.Read(echoed);

        Assert.Empty(errors);
        Assert.Equal(original.Itinerary, draft!.Itinerary);
    }
}
