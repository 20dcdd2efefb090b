using VisitPlanner.Core.Domain.Recurrence;

namespace VisitPlanner.Core.Tests.Domain.Recurrence;

public partial class RuleDatesTests
{
    /// <summary>Rules and the dates python-dateutil's rrule gives for them (checked by hand against RFC 5545's examples).</summary>
    public static TheoryData<string, RecurrenceRule, string, string[]> Rules => new()
    {
        {
            "周例会: every Monday, 7 September to 30 November 2026",
            Rule(RecurrenceFrequency.Weekly, until: "2026-11-30", byDay: ["MO"]), "2026-09-07",
            ["2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28", "2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26",
             "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"]
        },
        {
            "weekly without byDay: the first date's weekday",
            Rule(RecurrenceFrequency.Weekly, count: 3), "2026-09-09", ["2026-09-09", "2026-09-16", "2026-09-23"]
        },
        {
            "every other week on Monday and Thursday, weeks from Monday",
            Rule(RecurrenceFrequency.Weekly, count: 6, interval: 2, byDay: ["TH", "MO"]), "2026-09-10",
            ["2026-09-10", "2026-09-21", "2026-09-24", "2026-10-05", "2026-10-08", "2026-10-19"]
        },
        {
            "daily every third day",
            Rule(RecurrenceFrequency.Daily, count: 4, interval: 3), "2026-02-26", ["2026-02-26", "2026-03-01", "2026-03-04", "2026-03-07"]
        },
        {
            "monthly on the 31st skips months without one",
            Rule(RecurrenceFrequency.Monthly, until: "2026-08-31", byMonthDay: [31]), "2026-01-31",
            ["2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31", "2026-08-31"]
        },
        {
            "monthly without parts: the first date's day, skipping months without it",
            Rule(RecurrenceFrequency.Monthly, count: 3), "2026-01-30", ["2026-01-30", "2026-03-30", "2026-04-30"]
        },
        {
            "中心组学习: the first Tuesday of each month",
            Rule(RecurrenceFrequency.Monthly, count: 4, byDay: ["1TU"]), "2026-09-01", ["2026-09-01", "2026-10-06", "2026-11-03", "2026-12-01"]
        },
        {
            "the last Friday, every two months",
            Rule(RecurrenceFrequency.Monthly, count: 3, interval: 2, byDay: ["-1FR"]), "2026-01-30", ["2026-01-30", "2026-03-27", "2026-05-29"]
        },
        {
            "the last day of the month",
            Rule(RecurrenceFrequency.Monthly, count: 3, byMonthDay: [-1]), "2026-01-31", ["2026-01-31", "2026-02-28", "2026-03-31"]
        },
        {
            "workdays: Monday to Friday before any holiday",
            Rule(RecurrenceFrequency.Workdays, until: "2026-09-22"), "2026-09-17", ["2026-09-17", "2026-09-18", "2026-09-21", "2026-09-22"]
        },
        {
            "a count of one is the first date",
            Rule(RecurrenceFrequency.Daily, count: 1), "2026-10-01", ["2026-10-01"]
        },
    };
}
