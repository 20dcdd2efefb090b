using VisitPlanner.Core.Tests.Domain.Recurrence;

namespace VisitPlanner.Core.Tests.Json;

/// <summary>A recurrence or exception that cannot be kept is refused, each error naming its field, and nothing else is made of it.</summary>
public class RecurrenceJsonReaderTests
{
    private static string With(string recurrence, string extra = "") =>
        SeriesExpansionTests.WeeklyMeetingJson().Replace("""{"frequency":"weekly","byDay":["MO"],"until":"2026-11-30","holidays":"skip"}""", recurrence) + extra;

    [Theory]
    [InlineData("""{"frequency":"weekly","byDay":["MO"],"until":"2026-09-01"}""", "recurrence.until", "before the first occurrence")]
    [InlineData("""{"frequency":"weekly","byDay":["MO"],"until":"2026-11-30","count":5}""", "recurrence.until", "not both")]
    [InlineData("""{"frequency":"weekly","byDay":["MO"]}""", "recurrence.until", "needs an end")]
    [InlineData("""{"frequency":"weekly","byDay":["MO"],"count":1001}""", "recurrence.count", "between 1 and 1000")]
    [InlineData("""{"frequency":"weekly","byDay":["MO"],"until":"2031-09-08"}""", "recurrence.until", "more than 5 years")]
    [InlineData("""{"frequency":"monthly","count":100}""", "recurrence.count", "more than 5 years")]
    [InlineData("""{"frequency":"daily","until":"2030-01-01"}""", "recurrence.until", "more than 1000 occurrences")]
    [InlineData("""{"frequency":"daily","byDay":["MO"],"count":3}""", "recurrence.byDay", "daily")]
    [InlineData("""{"frequency":"workdays","byDay":["MO"],"count":3}""", "recurrence.byDay", "workdays")]
    [InlineData("""{"frequency":"weekly","byMonthDay":[7],"count":3}""", "recurrence.byMonthDay", "monthly series only")]
    [InlineData("""{"frequency":"monthly","byDay":["1MO"],"byMonthDay":[7],"count":3}""", "recurrence.byMonthDay", "not both")]
    [InlineData("""{"frequency":"weekly","byDay":["1MO"],"count":3}""", "recurrence.byDay[0]", "not a weekday")]
    [InlineData("""{"frequency":"weekly","byDay":["TU"],"count":3}""", "recurrence.byDay", "does not meet")]
    [InlineData("""{"frequency":"fortnightly","count":3}""", "recurrence.frequency", "not one of")]
    [InlineData("""{"frequency":"workdays","count":3,"holidays":"keep"}""", "recurrence.holidays", "never meets on a day off")]
    [InlineData("""{"frequency":"workdays","count":3,"interval":2}""", "recurrence.interval", "must be 1")]
    [InlineData("""{"frequency":"weekly","count":3,"holidays":"moveOn"}""", "recurrence.holidays", "not one of")]
    [InlineData("""{"frequency":"weekly","count":3,"byday":["MO"]}""", "recurrence.byday", "not a known field")]
    [InlineData("""{"frequency":"weekly","until":"2026-11-30","extraDates":["2026-09-01"]}""", "recurrence.extraDates[0]", "after the first occurrence")]
    public void ABadRuleIsRefusedNamingItsField(string recurrence, string field, string message)
    {
        var (draft, errors) = TestEvents.Read(With(recurrence));
        Assert.Null(draft);
        var error = Assert.Single(errors, e => e.Field == field);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("""{"date":"2026-10-05"}""", "exceptions[0]", "says nothing")]
    [InlineData("""{"date":"2026-10-05","status":"cancelled","title":"x"}""", "exceptions[0].status", "no other fields")]
    [InlineData("""{"date":"2026-10-05","status":"confirmed"}""", "exceptions[0].status", "use 'cancelled'")]
    [InlineData("""{"status":"cancelled"}""", "exceptions[0].date", "is required")]
    [InlineData("""{"date":"5 Oct","status":"cancelled"}""", "exceptions[0].date", "not a date")]
    [InlineData("""{"date":"2026-10-12","itinerary":[{"id":"lunch","start":"2026-10-12T12:00","end":"2026-10-12T13:00"}]}""", "exceptions[0].itinerary[0].id", "not an item of the template")]
    [InlineData("""{"date":"2026-10-12","itinerary":[{"id":"meeting","start":"2026-10-12","end":"2026-10-12"}]}""", "exceptions[0].itinerary[0].start", "date-time")]
    public void ABadExceptionIsRefusedNamingItsField(string exception, string field, string message)
    {
        var json = SeriesExpansionTests.WeeklyMeetingJson(extra: $",\"exceptions\":[{exception}]");
        var (draft, errors) = TestEvents.Read(json);
        Assert.Null(draft);
        var error = Assert.Single(errors, e => e.Field == field);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void TwoExceptionsOnOneDateAreRefused()
    {
        var json = SeriesExpansionTests.WeeklyMeetingJson(extra: ""","exceptions":[{"date":"2026-10-12","status":"cancelled"},{"date":"2026-10-12","title":"x"}]""");
        var (_, errors) = TestEvents.Read(json);
        Assert.Contains(errors, e => e.Field == "exceptions[1].date");
    }

    [Fact]
    public void ExceptionsNeedARecurrence()
    {
        var json = TestEvents.SingleItemJson("""{"id":"a","title":"x","start":"2026-10-12T09:00","end":"2026-10-12T10:00"}""").TrimEnd().TrimEnd('}') + ""","exceptions":[]}""";
        var (_, errors) = TestEvents.Read(json);
        Assert.Contains(errors, e => e.Field == "exceptions");
    }
}
