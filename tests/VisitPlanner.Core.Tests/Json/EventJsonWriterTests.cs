using VisitPlanner.Core.Json;

namespace VisitPlanner.Core.Tests.Json;

public class EventJsonWriterTests
{
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
