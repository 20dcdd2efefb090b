using System.Text.Json.Nodes;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Testing;

namespace VisitPlanner.Core.Tests.Json;

public partial class EventJsonReaderTests
{
    private static string Seed(Action<JsonNode> change) => SeedEvents.ShouyangAerospaceVisitJson(change);

    private static void AssertError(string json, string field, string messagePart)
    {
        var (draft, errors) = TestEvents.Read(json);
        Assert.Null(draft);
        Assert.Contains(errors, e => e.Field == field && e.Message.Contains(messagePart, StringComparison.Ordinal));
    }

    [Fact]
    public void ReadsTheShouyangVisitWithItsSixStopsInChinaStandardTime()
    {
        var (draft, errors) = TestEvents.Read(SeedEvents.ShouyangAerospaceVisitJson());

        Assert.Empty(errors);
        Assert.Equal(EventKind.DelegationVisit, draft!.Kind);
        Assert.Equal("Asia/Shanghai", draft.TimeZone.Id);
        Assert.Equal(7, draft.Participants.Count);
        Assert.Equal(SeedEvents.ShouyangStopsUtc.Select(s => s.ItemId), draft.Itinerary.Select(i => i.Id));
        Assert.Equal(Instant.FromUtc(2025, 10, 15, 0, 30), draft.Itinerary[0].Timing.StartInstant);
        // The body sets no status: a new event is confirmed, a replaced one keeps its own.
        Assert.Null(draft.Status);
    }

    [Fact]
    public void TheEventZoneDefaultsToTheFirstCalendarsZone()
    {
        var berlin = TestEvents.Calendar("partners-berlin", "Europe/Berlin");
        var json = Seed(n => n["calendars"] = new JsonArray("partners-berlin", SeedEvents.CalendarId));

        var (draft, _) = TestEvents.Read(json, berlin, TestEvents.Calendar());

        Assert.Equal("Europe/Berlin", draft!.TimeZone.Id);
    }

    [Fact]
    public void ATimeWithAnOffsetIsConvertedIntoTheItemsZone()
    {
        var json = TestEvents.SingleItemJson("""{"title":"t","start":"2025-10-15T00:30:00Z","end":"2025-10-15T09:30:00+08:00"}""");

        var (draft, _) = TestEvents.Read(json);

        Assert.Equal(new LocalDateTime(2025, 10, 15, 8, 30), draft!.Itinerary[0].Timing.Start);
        Assert.Equal(new LocalDateTime(2025, 10, 15, 9, 30), draft.Itinerary[0].Timing.End);
    }

    [Fact]
    public void AnItemMayHaveAZoneOfItsOwn()
    {
        var json = TestEvents.SingleItemJson("""{"title":"Hannover Messe","start":"2025-03-31T09:00","end":"2025-03-31T12:00","timeZone":"Europe/Berlin"}""");

        var (draft, _) = TestEvents.Read(json);

        var item = draft!.Itinerary[0];
        Assert.True(item.HasOwnTimeZone);
        Assert.Equal(Instant.FromUtc(2025, 3, 31, 7, 0), item.Timing.StartInstant);
    }

    [Fact]
    public void ADateAloneMeansAnAllDayItem()
    {
        var (draft, _) = TestEvents.Read(TestEvents.SingleItemJson("""{"title":"t","start":"2025-10-15","end":"2025-10-16"}"""));

        Assert.True(draft!.Itinerary[0].Timing.IsAllDay);
        Assert.Equal(new LocalDate(2025, 10, 16), draft.Itinerary[0].Timing.LastDay);
    }

    [Fact]
    public void ItemsWithoutAnIdGetOneAndGivenIdsAreKept()
    {
        var (draft, _) = TestEvents.Read(TestEvents.SingleItemJson("""{"title":"a","start":"2025-10-15","end":"2025-10-15"},{"id":"keep-me","title":"b","start":"2025-10-16","end":"2025-10-16"}"""));

        Assert.Equal(["item1", "keep-me"], draft!.Itinerary.Select(i => i.Id));
    }

    [Fact]
    public void LectureFieldsAreRead()
    {
        var json = TestEvents.SingleItemJson("""{"title":"招商引资专题","start":"2025-09-12T15:00","end":"2025-09-12T17:00"}""", kind: "trainingLecture")
            .Replace("\"kind\"", "\"speaker\":\"王宇翔\",\"series\":\"经开讲堂\",\"sessionNumber\":21,\"kind\"");

        var (draft, _) = TestEvents.Read(json);

        Assert.Equal(new Lecture("王宇翔", "经开讲堂", 21), draft!.Lecture);
    }

    [Fact]
    public void AnEmojiCountsAsOneCharacterTowardsTheTitleLimit()
    {
        var (draft, errors) = TestEvents.Read(Seed(n => n["title"] = new string('航', 199) + "🚀"));

        Assert.Empty(errors);
        Assert.NotNull(draft);
    }

    [Fact] public void MissingTitle() => AssertError(Seed(n => n.AsObject().Remove("title")), "title", "is required");
    [Fact] public void WrongTypedTitle() => AssertError(Seed(n => n["title"] = 42), "title", "must be a string, not a number");
    [Fact] public void TitleOver200Characters() => AssertError(Seed(n => n["title"] = new string('a', 201)), "title", "at most 200 characters");
    [Fact] public void TitleWithLineBreak() => AssertError(Seed(n => n["title"] = "a\r\nDTSTART:19700101"), "title", "single line");
    [Fact] public void UnknownKind() => AssertError(Seed(n => n["kind"] = "party"), "kind", "'party' is not a kind");
    [Fact] public void UnknownTimeZone() => AssertError(Seed(n => n["timeZone"] = "Asia/Beijing"), "timeZone", "not an IANA time zone");
    [Fact] public void UnknownItemTimeZone() => AssertError(Seed(n => n["itinerary"]![0]!["timeZone"] = "Mars/Olympus"), "itinerary[0].timeZone", "not an IANA time zone");
    [Fact] public void UnknownCalendar() => AssertError(Seed(n => n["calendars"] = new JsonArray("nobody")), "calendars[0]", "does not exist");
    [Fact] public void NoCalendars() => AssertError(Seed(n => n["calendars"] = new JsonArray()), "calendars", "at least one");
    [Fact] public void CalendarIdWithForbiddenCharacter() => AssertError(Seed(n => n["calendars"] = new JsonArray("a#b")), "calendars[0]", "Table Storage forbids");
    [Fact] public void EndBeforeStart() => AssertError(Seed(n => n["itinerary"]![2]!["end"] = "2025-10-15T12:00"), "itinerary[2].end", "is before start");
    [Fact] public void AllDayEndBeforeStart() => AssertError(TestEvents.SingleItemJson("""{"title":"t","start":"2025-10-16","end":"2025-10-15"}"""), "itinerary[0].end", "is before start");
    [Fact] public void DateMixedWithDateTime() => AssertError(TestEvents.SingleItemJson("""{"title":"t","start":"2025-10-16","end":"2025-10-16T10:00"}"""), "itinerary[0].end", "must be a date like start");
    [Fact] public void InvalidDate() => AssertError(Seed(n => n["itinerary"]![0]!["start"] = "2025-02-30T10:00"), "itinerary[0].start", "is not an ISO 8601");
    [Fact] public void YearOutOfRange() => AssertError(Seed(n => n["itinerary"]![0]!["start"] = "9999-01-01T10:00"), "itinerary[0].start", "out of range");
    [Fact] public void ItineraryMissing() => AssertError(Seed(n => n.AsObject().Remove("itinerary")), "itinerary", "is required");
    [Fact] public void ItineraryEmpty() => AssertError(Seed(n => n["itinerary"] = new JsonArray()), "itinerary", "at least one item");
    [Fact] public void ItineraryItemNotAnObject() => AssertError(Seed(n => n["itinerary"]![1] = "visit"), "itinerary[1]", "must be an object, not a string");
    [Fact] public void DuplicateItemIds() => AssertError(Seed(n => n["itinerary"]![1]!["id"] = "hebi-showroom"), "itinerary[1].id", "used twice");
    [Fact] public void ItemIdWithForbiddenCharacter() => AssertError(Seed(n => n["itinerary"]![1]!["id"] = "a/b"), "itinerary[1].id", "Table Storage forbids");
    [Fact] public void OrganizerMissing() => AssertError(Seed(n => n.AsObject().Remove("organizer")), "organizer", "is required");
    [Fact] public void ParticipantsNotAnArray() => AssertError(Seed(n => n["participants"] = "李卫平"), "participants", "must be an array");
    [Fact] public void ParticipantWithoutName() => AssertError(Seed(n => n["participants"]![3]!.AsObject().Remove("name")), "participants[3].name", "is required");
    [Fact] public void InvalidEmail() => AssertError(Seed(n => n["organizer"]!["email"] = "not-an-email"), "organizer.email", "email address");
    [Fact] public void LatitudeWithoutLongitude() => AssertError(Seed(n => n["itinerary"]![0]!["location"]!["lat"] = 35.75), "itinerary[0].location.lon", "together with lat");
    [Fact] public void LatitudeOutOfRange() => AssertError(Seed(n => { n["itinerary"]![0]!["location"]!["lat"] = 135.7; n["itinerary"]![0]!["location"]!["lon"] = 114.3; }), "itinerary[0].location.lat", "between -90 and 90");
    [Fact] public void HugeSessionNumber() => AssertError(Seed(n => n["sessionNumber"] = 1e40), "sessionNumber", "whole number");
    [Fact] public void UnknownField() => AssertError(Seed(n => n["itinery"] = new JsonArray()), "itinery", "not a known field");
    [Fact] public void StatusThatOnlyTheServerSets() => AssertError(Seed(n => n["status"] = "cancelled"), "status", "use 'confirmed' or 'tentative'");
    [Fact] public void UnknownPerson() => AssertError(Seed(n => n["participants"]![2]!["personId"] = "nobody"), "participants[2].personId", "does not exist");
    [Fact] public void UnknownPersonOnAnItem() => AssertError(Seed(n => n["itinerary"]![1]!["participants"] = JsonNode.Parse("""[{"name":"张师傅","personId":"ghost"}]""")), "itinerary[1].participants[0].personId", "does not exist");
    [Fact] public void SpanOverNinetyTwoDays() => AssertError(Seed(n => n["itinerary"]![5]!["end"] = "2026-02-01T10:00"), "itinerary", "more than 92 days");

    [Fact]
    public void ParticipantsMayReferToPeopleAtEventAndItemLevel()
    {
        var (draft, errors) = TestEvents.Read(Seed(n =>
        {
            n["participants"]![0]!["personId"] = "li-weiping";
            n["itinerary"]![5]!["participants"] = JsonNode.Parse("""[{"name":"张师傅","role":"司机","personId":"driver-zhang"}]""");
        }));

        Assert.Empty(errors);
        Assert.Equal("li-weiping", draft!.Participants[0].PersonId);
        Assert.Equal("driver-zhang", Assert.Single(draft.Itinerary[5].Participants).PersonId);
    }

    [Fact] public void LoneSurrogate() => AssertError(Seed(n => n["title"] = "PLACEHOLDER").Replace("PLACEHOLDER", "\\ud800"), "title", "lone surrogate");

    [Fact]
    public void MoreThan200ItineraryItems()
    {
        var items = string.Join(",", Enumerable.Range(0, 201).Select(i => """{"title":"t","start":"2025-10-15","end":"2025-10-15"}"""));

        AssertError(TestEvents.SingleItemJson(items), "itinerary", "at most 200 entries, not 201");
    }

    [Fact]
    public void ReportsEveryBadFieldAtOnce()
    {
        var json = Seed(n =>
        {
            n["kind"] = "party";
            n["title"] = "";
            n["itinerary"]![0]!["end"] = "2025-10-14T10:00";
        });

        var (_, errors) = TestEvents.Read(json);

        Assert.Equal(["kind", "title", "itinerary[0].end"], errors.Select(e => e.Field));
    }

    [Fact]
    public void NotAnObject() => AssertError("[1,2]", "$", "must be a JSON object");

    [Theory]
    [MemberData(nameof(EmptyAndInvisibleText))]
    public void TextThatSaysNothingIsAnErrorNamingTheField(string why, Action<JsonNode> change, string field, string messagePart)
    {
        var (draft, errors) = TestEvents.Read(Seed(change));

        Assert.True(draft is null, $"{why}: accepted");
        Assert.Contains(errors, e => e.Field == field && e.Message.Contains(messagePart, StringComparison.Ordinal));
    }

    [Fact]
    public void AnItemWithAnEmptyZoneIsNeverDroppedFromTheItinerary()
    {
        var json = TestEvents.SingleItemJson("""{"title":"keep","start":"2025-10-15T09:00","end":"2025-10-15T10:00"},{"title":"lost","timeZone":"","start":"2025-10-15T11:00","end":"2025-10-15T12:00"}""");

        var (draft, errors) = TestEvents.Read(json);

        Assert.Null(draft);
        Assert.Equal("itinerary[1].timeZone", Assert.Single(errors).Field);
    }

    [Fact]
    public void BlankFreeTextMeansNoText()
    {
        var (draft, errors) = TestEvents.Read(Seed(n =>
        {
            n["description"] = "  ";
            n["participants"]![0]!["title"] = "";
            n["itinerary"]![5]!["notes"] = "\n ";
        }));

        Assert.Empty(errors);
        Assert.Null(draft!.Description);
        Assert.Null(draft.Participants[0].Title);
        Assert.Null(draft.Itinerary[5].Notes);
    }

    [Fact]
    public void TextWithVisibleCharactersAroundInvisibleOnesIsKept()
    {
        var (draft, errors) = TestEvents.Read(Seed(n => n["title"] = "航天​考察"));

        Assert.Empty(errors);
        Assert.Equal("航天​考察", draft!.Title);
    }

    [Fact]
    public void AnOutOfRangeLatitudeIsNotAlsoReportedAsMissingItsPartner()
    {
        var (_, errors) = TestEvents.Read(Seed(n => n["itinerary"]![0]!["location"]!["lat"] = 135.7));

        Assert.Equal("itinerary[0].location.lat", Assert.Single(errors).Field);
    }

    [Fact]
    public void AWholeNumberWithAZeroFractionIsWhole()
    {
        var (draft, errors) = TestEvents.Read(Seed(n => n["sessionNumber"] = JsonNode.Parse("21.0")));

        Assert.Empty(errors);
        Assert.Equal(21, draft!.Lecture!.SessionNumber);
        AssertError(Seed(n => n["sessionNumber"] = 21.5), "sessionNumber", "must be a whole number, not 21.5");
    }

    [Fact]
    public void MoreThan500DistinctPeopleIsOneClearErrorNotAListOfMissingPeople()
    {
        // 300 in the whole event and 201 others on one stop: each list is within its own limit, the event is not.
        static JsonArray People(int from, int count) =>
            new(Enumerable.Range(from, count).Select(i => (JsonNode)JsonNode.Parse($$"""{"name":"p{{i}}","personId":"p{{i}}"}""")!).ToArray());

        var (draft, errors) = TestEvents.Read(Seed(n =>
        {
            n["participants"] = People(0, 300);
            n["itinerary"]![0]!["participants"] = People(300, 201);
        }));

        Assert.Null(draft);
        var error = Assert.Single(errors);
        Assert.Equal("participants", error.Field);
        Assert.Contains("501 different people", error.Message);
        Assert.Contains("at most 500", error.Message);
    }
}
