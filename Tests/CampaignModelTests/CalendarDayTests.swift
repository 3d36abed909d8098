import CampaignModel
import Testing

@Suite struct CalendarDayTests {
    @Test func parsesDatesAndIgnoresTimes() {
        #expect(CalendarDay(parsing: "2022-03-16")?.description == "2022-03-16")
        #expect(CalendarDay(parsing: "2022-03-16T10:00:00+08:00") == CalendarDay(year: 2022, month: 3, day: 16))
    }

    @Test(arguments: ["2022-02-30", "2022-13-01", "22-03-16", "2022/03/16", "2022-03-16x", "tomorrow"])
    func rejectsImpossibleOrMalformedDates(_ text: String) {
        #expect(CalendarDay(parsing: text) == nil)
    }

    @Test func knowsLeapYears() {
        #expect(CalendarDay(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDay(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2000, month: 2, day: 29) != nil)
    }
}
