package jp.tsunagu.sla.internal;

import static jp.tsunagu.sla.internal.TestCalendars.tokyo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.tsunagu.sla.DueTimeShift;
import jp.tsunagu.sla.OpeningDaysChanged;
import org.junit.jupiter.api.Test;

/**
 * A change of the open days moves a business due time by the rule of the time left: the opening time left until it,
 * counted from now on the old calendar, is counted again on the new one. March 2027: Monday 3/8 to Friday 3/12 and
 * Monday 3/15 to Friday 3/19 are business days; Monday 3/22 is a 振替休日.
 */
class DueTimeShiftTests {

    private final List<Object> published = new ArrayList<>();

    private final CityBusinessCalendar calendar = new CityBusinessCalendar(CalendarProperties.defaults(),
            TestCalendars.shippedData(), new InMemoryClosureStore(), Clock.systemUTC(), published::add);

    @Test
    void aDueTimeOnADayThatBecomesClosedMovesToTheSameOpeningTimeOfTheNextBusinessDay() {
        DueTimeShift shift = closing("2027-03-09");
        assertThat(shift.moved(tokyo("2027-03-09T10:00"), tokyo("2027-03-08T11:00"))).isEqualTo(tokyo("2027-03-10T10:00"));
        assertThat(shift.moved(tokyo("2027-03-09T08:30"), tokyo("2027-03-08T11:00"))).as("期限の特例")
                .isEqualTo(tokyo("2027-03-10T08:30"));
        assertThat(shift.moved(tokyo("2027-03-15T10:00"), tokyo("2027-03-08T11:00"))).as("after it: one day later")
                .isEqualTo(tokyo("2027-03-16T10:00"));
        assertThat(shift.moved(tokyo("2027-03-08T15:00"), tokyo("2027-03-08T11:00"))).as("before it: stays")
                .isEqualTo(tokyo("2027-03-08T15:00"));
        assertThat(shift.moved(tokyo("2027-03-08T10:30"), tokyo("2027-03-08T11:00"))).as("past due: left to fire")
                .isEqualTo(tokyo("2027-03-08T10:30"));
    }

    @Test
    void aDueTimeTheChangeDoesNotTouchKeepsItsInstant() {
        DueTimeShift shift = closing("2027-03-17");
        // Friday 17:15 and Monday 08:30 hold the same opening time; an untouched due time must not jump between them.
        assertThat(shift.moved(tokyo("2027-03-15T08:30"), tokyo("2027-03-12T12:00"))).isEqualTo(tokyo("2027-03-15T08:30"));
        assertThat(shift.moved(tokyo("2027-03-12T17:15"), tokyo("2027-03-12T12:00"))).isEqualTo(tokyo("2027-03-12T17:15"));
    }

    @Test
    void aDueTimeAtAnOpeningStaysAtAnOpeningWhenItMoves() {
        // A day target, or an issue raised while closed, is due at 08:30. Counted again, it must not become 17:15 of
        // the business day before (the same opening time, but the breach would fire the evening before).
        DueTimeShift shift = closing("2027-03-09");
        assertThat(shift.moved(tokyo("2027-03-10T08:30"), tokyo("2027-03-08T11:00"))).isEqualTo(tokyo("2027-03-11T08:30"));
        assertThat(shift.moved(tokyo("2027-03-15T08:30"), tokyo("2027-03-08T11:00"))).as("over a weekend")
                .isEqualTo(tokyo("2027-03-16T08:30"));
        assertThat(shift.moved(tokyo("2027-03-10T17:15"), tokyo("2027-03-08T11:00"))).as("a closing stays a closing")
                .isEqualTo(tokyo("2027-03-11T17:15"));

        calendar.removeClosure(LocalDate.parse("2027-03-09"));
        assertThat(lastChange().shift().moved(tokyo("2027-03-11T08:30"), tokyo("2027-03-08T11:00")))
                .as("removed again: back where it was").isEqualTo(tokyo("2027-03-10T08:30"));
    }

    @Test
    void aDueTimeAtAnOpeningKeepsTheClosingWhenTheNextOpeningIsBeyondTheHolidayData() {
        // The data ends with 2027; after Tuesday 12/28 the city hall reopens on 2028-01-04, which it cannot know.
        DueTimeShift shift = closing("2027-12-20");
        assertThat(shift.moved(tokyo("2027-12-28T08:30"), tokyo("2027-12-17T10:00"))).isEqualTo(tokyo("2027-12-28T17:15"));
    }

    @Test
    void removingAClosureMovesDueTimesEarlier() {
        closing("2027-03-09");
        calendar.removeClosure(LocalDate.parse("2027-03-09"));
        DueTimeShift shift = lastChange().shift();
        assertThat(lastChange().reason()).containsEntry("what", "closure removed").containsEntry("date", "2027-03-09");
        assertThat(shift.moved(tokyo("2027-03-10T10:00"), tokyo("2027-03-08T11:00"))).isEqualTo(tokyo("2027-03-09T10:00"));
    }

    @Test
    void aNewReasonForAClosureDayChangesNoDay() {
        closing("2027-03-09");
        calendar.addClosure(LocalDate.parse("2027-03-09"), "台風接近", "admin");
        assertThat(published).hasSize(1);
    }

    @Test
    void holidayDataThatAddsAHolidayMovesTheDueTimesOnIt() {
        String shipped = new String(TestCalendars.shippedData().load(), HolidayCsvParser.SHIFT_JIS);
        byte[] withExtraHoliday = shipped.replace("2027/3/21,", "2027/3/9,臨時の休日\r\n2027/3/21,")
                .getBytes(HolidayCsvParser.SHIFT_JIS);

        calendar.replaceHolidayData(withExtraHoliday);

        assertThat(lastChange().reason()).containsEntry("what", "holiday data replaced")
                .containsEntry("coveredUntil", "2027-12-31");
        assertThat(lastChange().shift().moved(tokyo("2027-03-09T10:00"), tokyo("2027-03-08T11:00")))
                .isEqualTo(tokyo("2027-03-10T10:00"));
    }

    @Test
    void theHolidayDataOfAnEarlierStartGivesTheChangeSinceThen() {
        String shipped = new String(TestCalendars.shippedData().load(), HolidayCsvParser.SHIFT_JIS);
        byte[] withoutSubstituteHoliday = shipped.replace("2027/3/22,休日\r\n", "").getBytes(HolidayCsvParser.SHIFT_JIS);

        OpeningDaysChanged change = calendar.changedSince(withoutSubstituteHoliday, Map.of("what", "test"));

        assertThat(change.shift().moved(tokyo("2027-03-22T10:00"), tokyo("2027-03-19T10:00")))
                .isEqualTo(tokyo("2027-03-23T10:00"));
    }

    private DueTimeShift closing(String date) {
        calendar.addClosure(LocalDate.parse(date), "台風による臨時閉庁", "admin");
        assertThat(lastChange().reason()).containsEntry("what", "closure added").containsEntry("date", date);
        return lastChange().shift();
    }

    private OpeningDaysChanged lastChange() {
        return published.stream().filter(OpeningDaysChanged.class::isInstance).map(OpeningDaysChanged.class::cast)
                .reduce((first, second) -> second).orElseThrow();
    }
}
