using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using VisitPlanner.Core.Holidays;
using VisitPlanner.Core.Json;
using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Json;

/// <summary>
/// A holiday schedule PUT at run time decides which days every series meets on: what could not be a State Council
/// notice is refused, each error naming its field. The base case is the 2027 schedule invented for the tests.
/// </summary>
public class HolidayScheduleReaderTests
{
    private static (HolidaySchedule? Schedule, IReadOnlyList<FieldError> Errors) Read(string json, int year = 2027)
    {
        using var document = JsonDocument.Parse(json);
        return HolidayScheduleReader.Read(document.RootElement, year);
    }

    private static void SetDay(JsonNode root, int index, string field, JsonNode? value) => root["days"]![index]![field] = value;

    [Fact]
    public void The2027FixtureIsAValidSchedule()
    {
        var (schedule, errors) = Read(SeedHolidays.Schedule2027Json());
        Assert.Empty(errors);
        Assert.Equal(2027, schedule!.Year);
        Assert.Equal(34, schedule.Days.Count);
        Assert.Equal(new HolidayDay(new LocalDate(2027, 1, 1), "元旦", true), schedule.Days[0]);
        Assert.Equal(["https://example.org/holiday-cn/2027-invented-for-tests"], schedule.Papers);
    }

    [Fact]
    public void WhatTheWriterWritesReadsBackTheSame()
    {
        var (schedule, _) = Read(SeedHolidays.Schedule2027Json());
        var (again, errors) = Read(System.Text.Encoding.UTF8.GetString(HolidayScheduleWriter.ToUtf8(schedule!)));
        Assert.Empty(errors);
        Assert.Equal(schedule, again);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { """{"year":2026,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""", "year", "the URL names 2027" },
        { """{"year":"2027","papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""", "year", "whole number" },
        { """{"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""", "year", "is required" },
        { """{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""", "papers", "is required" },
        { """{"year":2027,"papers":"https://example.org/a","days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""", "papers", "must be an array" },
        { """{"year":2027,"papers":[42],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""", "papers[0]", "must be a string" },
        { """{"year":2027,"papers":["ftp://example.org/a"],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""", "papers[0]", "http(s) URL" },
        { """{"year":2027,"papers":[],"days":[]}""", "days", "at least one day" },
        { """{"year":2027,"papers":[]}""", "days", "is required" },
        { """{"year":2027,"papers":[],"days":{"name":"元旦"}}""", "days", "must be an array" },
        { """{"year":2027,"papers":[],"days":["2027-01-01"]}""", "days[0]", "must be an object" },
        { """{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}],"source":"gov.cn"}""", "source", "not a known field" },
        { """{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true,"note":"x"}]}""", "days[0].note", "not a known field" },
        { """{"$schema":7,"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""", "$schema", "must be a string" },
        { """{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true},{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""", "days[1].date", "listed already, at days[0]" },
        { """{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2026-12-14","isOffDay":true}]}""", "days[0].date", "from 2026-12-15 to 2028-01-15" },
        { """{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2028-01-16","isOffDay":true}]}""", "days[0].date", "spanning New Year" },
        { """{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-1-1","isOffDay":true}]}""", "days[0].date", "not a date" },
        { """{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-02-30","isOffDay":true}]}""", "days[0].date", "not a date" },
        { """{"year":2027,"papers":[],"days":[{"name":"元旦","date":20270101,"isOffDay":true}]}""", "days[0].date", "must be a string" },
        { """{"year":2027,"papers":[],"days":[{"name":"元旦","isOffDay":true}]}""", "days[0].date", "is required" },
        { """{"year":2027,"papers":[],"days":[{"name":" ","date":"2027-01-01","isOffDay":true}]}""", "days[0].name", "must not be empty" },
        { """{"year":2027,"papers":[],"days":[{"date":"2027-01-01","isOffDay":true}]}""", "days[0].name", "is required" },
        { """{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":"true"}]}""", "days[0].isOffDay", "true or false" },
        { """{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01"}]}""", "days[0].isOffDay", "is required" },
        { """{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-04","isOffDay":false}]}""", "days[0].isOffDay", "2027-01-04 is a Monday" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void ABadScheduleIsRefusedNamingItsField(string json, string field, string message)
    {
        var (schedule, errors) = Read(json);
        Assert.Null(schedule);
        var error = Assert.Single(errors, e => e.Field == field);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void ABodyThatIsNoObjectIsRefused()
    {
        var (_, errors) = Read("[]");
        Assert.Equal("$", Assert.Single(errors).Field);
    }

    [Fact]
    public void ANameIsBounded()
    {
        var (_, errors) = Read(SeedHolidays.Schedule2027Json(n => SetDay(n, 3, "name", new string('节', HolidayScheduleReader.MaxNameLength + 1))));
        Assert.Contains("at most 50 characters", Assert.Single(errors, e => e.Field == "days[3].name").Message);
        Assert.Empty(Read(SeedHolidays.Schedule2027Json(n => SetDay(n, 3, "name", new string('节', HolidayScheduleReader.MaxNameLength)))).Errors);
    }

    [Fact]
    public void AtMost366DaysAreListed()
    {
        var days = Enumerable.Range(0, HolidayScheduleReader.MaxDays + 1).Select(i => $$"""{"name":"假","date":"{{new LocalDate(2026, 12, 15).PlusDays(i):yyyy-MM-dd}}","isOffDay":true}""");
        var (_, errors) = Read($$"""{"year":2027,"papers":[],"days":[{{string.Join(",", days)}}]}""");
        Assert.Contains("at most 366", Assert.Single(errors).Message);
    }

    [Fact]
    public void TheWindowAroundNewYearIsInclusive()
    {
        var json = """{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2026-12-15","isOffDay":true},{"name":"元旦","date":"2028-01-15","isOffDay":false}]}""";
        var (schedule, errors) = Read(json);
        Assert.Empty(errors);
        Assert.Equal([new LocalDate(2026, 12, 15), new LocalDate(2028, 1, 15)], schedule!.Days.Select(d => d.Date));
    }

    [Fact]
    public void AFileSentToAnotherYearsUrlIsToldSoOnceNotForEveryDate()
    {
        var (_, errors) = Read(SeedHolidays.Schedule2027Json(), year: 2028);
        Assert.Contains("…/holidays/cn/2027", Assert.Single(errors).Message);
    }

    [Fact]
    public void EveryWrongFieldIsNamedAtOnce()
    {
        var json = SeedHolidays.Schedule2027Json(n =>
        {
            n["year"] = 2028;
            SetDay(n, 0, "date", "2027-01-02"); // the same as days[1]
            SetDay(n, 5, "isOffDay", false); // 2027-02-06 is a Saturday: fine
            SetDay(n, 6, "isOffDay", false); // 2027-02-07 is a Sunday: fine
            SetDay(n, 7, "isOffDay", false); // 2027-02-08 is a Monday
        });
        var (_, errors) = Read(json);
        Assert.Equal(["year", "days[1].date", "days[7].isOffDay"], errors.Select(e => e.Field));
    }
}
