using NodaTime;
using NodaTime.Text;
using VisitPlanner.Core.Domain.Recurrence;

namespace VisitPlanner.Core.Tests.Domain.Recurrence;

/// <summary>The dates a rule generates, as RFC 5545 section 3.3.10 expands them, for the rules the API accepts.</summary>
public partial class RuleDatesTests
{
    [Theory]
    [MemberData(nameof(Rules))]
    public void GeneratesTheDatesRfc5545Gives(string name, RecurrenceRule rule, string first, string[] expected)
    {
        var dates = RuleDates.Generate(rule, Date(first)).Select(d => LocalDatePattern.Iso.Format(d)).ToArray();
        Assert.True(expected.SequenceEqual(dates), $"{name}: {string.Join(", ", dates)}");
    }

    [Fact]
    public void StopsAtFiveYearsWhateverTheCount()
    {
        var rule = Rule(RecurrenceFrequency.Monthly, count: 1000);
        var dates = RuleDates.Generate(rule, Date("2026-01-15")).ToArray();
        Assert.Equal(61, dates.Length);
        Assert.Equal(Date("2031-01-15"), dates[^1]);
    }

    [Fact]
    public void ThroughBoundsTheDatesBeforeTheRuleEnds()
    {
        var rule = Rule(RecurrenceFrequency.Daily, until: "2026-12-31");
        Assert.Equal(3, RuleDates.Generate(rule, Date("2026-10-01"), Date("2026-10-03")).Count());
    }

    [Theory]
    [InlineData(RecurrenceFrequency.Weekly, "2026-09-07", true)]
    [InlineData(RecurrenceFrequency.Weekly, "2026-09-08", false)]
    [InlineData(RecurrenceFrequency.Workdays, "2026-09-19", false)]
    [InlineData(RecurrenceFrequency.Workdays, "2026-09-18", true)]
    public void MeetsOnlyTheDaysItGenerates(RecurrenceFrequency frequency, string date, bool meets)
    {
        var rule = Rule(frequency, until: "2026-12-31", byDay: frequency == RecurrenceFrequency.Weekly ? ["MO"] : []);
        Assert.Equal(meets, RuleDates.Meets(rule, Date(date)));
    }

    internal static RecurrenceRule Rule(RecurrenceFrequency frequency, string? until = null, int? count = null, int interval = 1,
        string[]? byDay = null, int[]? byMonthDay = null, HolidayPolicy holidays = HolidayPolicy.Skip) =>
        new(frequency, interval, (byDay ?? []).Select(d => WeekdayRule.Parse(d, allowOrdinal: true)!.Value).ToArray(), byMonthDay ?? [],
            until is null ? null : Date(until), count, holidays, []);

    internal static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();
}
