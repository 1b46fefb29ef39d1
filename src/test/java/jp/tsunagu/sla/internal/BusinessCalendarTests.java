package jp.tsunagu.sla.internal;

import static jp.tsunagu.sla.internal.TestCalendars.tokyo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;

import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.HolidayDataNotCoveredException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Due times on the city's calendar; every wall-clock time here is Tokyo time. */
class BusinessCalendarTests {

    private final BusinessCalendar calendar = TestCalendars.tokyo();

    @ParameterizedTest(name = "{0} + {1} ({2}) = {3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-27T16:30 | PT2H     | business   | 2026-11-30T09:45 | Friday afternoon: 45 min Friday, 75 min Monday
            2026-11-27T16:30 | P1D      | business   | 2026-11-30T16:30 | a day from Friday is Monday, same clock time
            2026-11-28T10:00 | P1D      | business   | 2026-12-01T08:30 | Saturday starts at Monday's opening
            2026-11-20T16:30 | P1D      | business   | 2026-11-24T16:30 | Monday 11/23 is Labour Thanksgiving Day
            2026-11-18T10:00 | P5D      | business   | 2026-11-26T10:00 | five business days around 11/23
            2026-05-01T16:00 | PT2H     | business   | 2026-05-07T09:15 | Golden Week 2026, 75 min Friday then 5/7
            2026-05-01T10:00 | P1D      | business   | 2026-05-07T10:00 | Golden Week 2026 as a day
            2026-04-28T12:00 | P5D      | business   | 2026-05-11T12:00 | 4/30, 5/1, 5/7, 5/8, 5/11
            2026-05-06T10:00 | PT1H     | business   | 2026-05-07T09:30 | 2026-05-06 is a substitute holiday
            2027-04-30T17:00 | PT30M    | business   | 2027-05-06T08:45 | Golden Week 2027, 15 min Friday then 5/6
            2027-04-30T09:00 | P1D      | business   | 2027-05-06T09:00 | Golden Week 2027 as a day
            2026-09-18T17:00 | PT1H     | business   | 2026-09-24T09:15 | Silver Week 2026: 9/21, 9/22 between, 9/23
            2026-09-22T12:00 | P1D      | business   | 2026-09-25T08:30 | starting on the day between two holidays
            2026-03-19T17:00 | PT30M    | business   | 2026-03-23T08:45 | Vernal Equinox Day 2026 is 3/20
            2027-03-19T17:00 | PT30M    | business   | 2027-03-23T08:45 | 2027: equinox on Sunday 3/21, substitute 3/22
            2026-12-28T16:15 | PT2H     | business   | 2027-01-04T09:30 | year-end closure 12/29 to 1/3
            2026-12-28T10:00 | P1D      | business   | 2027-01-04T10:00 | year-end closure as a day
            2025-12-26T17:00 | PT30M    | business   | 2026-01-05T08:45 | year-end closure reaching a Sunday
            2026-11-26T08:30 | PT8H45M  | business   | 2026-11-26T17:15 | exactly at opening, a full day ends at closing
            2026-11-26T08:30 | PT8H46M  | business   | 2026-11-27T08:31 | one minute more is the next morning
            2026-11-26T17:14 | PT1M     | business   | 2026-11-26T17:15 | the last minute ends at closing time
            2026-11-26T17:15 | PT1M     | business   | 2026-11-27T08:31 | exactly at closing counts as closed
            2026-11-26T17:15 | P1D      | business   | 2026-11-30T08:30 | a day from closing time starts next morning
            2026-11-26T07:00 | PT1H     | business   | 2026-11-26T09:30 | before opening
            2026-11-26T08:30 | P1D      | business   | 2026-11-27T08:30 | exactly at opening, as a day
            2026-11-27T16:30 | PT30M    | continuous | 2026-11-27T17:00 | the 24/7 clock ignores closing time
            2026-11-27T16:30 | PT8H     | continuous | 2026-11-28T00:30 | into Saturday night
            2026-11-28T10:00 | P2D      | continuous | 2026-11-30T10:00 | a day is 24 hours
            2026-12-31T23:00 | PT2H     | continuous | 2027-01-01T01:00 | across the year-end closure
            2031-01-01T00:00 | PT1H     | continuous | 2031-01-01T01:00 | needs no holiday data
            """)
    void dueTime(String from, String duration, String kind, String expected, String why) {
        assertThat(calendar.due(tokyo(from), duration, CalendarKind.from(kind))).isEqualTo(tokyo(expected));
    }

    @ParameterizedTest(name = "{0}: open={1}, next opening {2}")
    @CsvSource(textBlock = """
            2026-11-26T08:29:59, false, 2026-11-26T08:30
            2026-11-26T08:30,    true,  2026-11-26T08:30
            2026-11-26T17:14:59, true,  2026-11-26T17:14:59
            2026-11-26T17:15,    false, 2026-11-27T08:30
            2026-11-28T12:00,    false, 2026-11-30T08:30
            2026-11-23T12:00,    false, 2026-11-24T08:30
            2026-05-06T08:30,    false, 2026-05-07T08:30
            2026-09-22T08:30,    false, 2026-09-24T08:30
            2026-12-29T09:00,    false, 2027-01-04T08:30
            """)
    void openingHours(String at, boolean open, String nextOpening) {
        assertThat(calendar.isOpen(tokyo(at))).isEqualTo(open);
        assertThat(calendar.nextOpening(tokyo(at))).isEqualTo(tokyo(nextOpening));
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource(textBlock = """
            2026-11-27T16:30, 2026-11-30T09:45, PT2H
            2026-11-30T09:45, 2026-11-27T16:30, -PT2H
            2026-11-28T00:00, 2026-11-29T23:59, PT0S
            2026-11-26T00:00, 2026-11-27T00:00, PT8H45M
            2026-12-28T17:00, 2027-01-04T08:40, PT25M
            """)
    void openTimeBetween(String from, String to, Duration expected) {
        assertThat(calendar.openTimeBetween(tokyo(from), tokyo(to))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(textBlock = """
            2028-01-04T10:00, PT1H
            2021-12-01T10:00, P1D
            2027-12-28T17:00, PT1H
            2027-12-28T10:00, P5D
            """)
    void neverGuessesBeyondTheHolidayData(String from, String duration) {
        assertThatThrownBy(() -> calendar.due(tokyo(from), duration, CalendarKind.BUSINESS))
                .isInstanceOf(HolidayDataNotCoveredException.class)
                .hasMessageContaining("covers 2022-01-01 to 2027-12-31");
    }

    @Test
    void aOneOffClosureIsClosed() {
        BusinessCalendar withClosure = TestCalendars.withExtraClosures("2026-11-25");
        assertThat(withClosure.isOpen(tokyo("2026-11-25T10:00"))).isFalse();
        assertThat(withClosure.due(tokyo("2026-11-24T10:00"), "P1D", CalendarKind.BUSINESS))
                .isEqualTo(tokyo("2026-11-26T10:00"));
    }

    @Test
    void namesHolidaysAndKnowsWhereTheDataEnds() {
        assertThat(calendar.holidayName(LocalDate.of(2026, 9, 21))).contains("敬老の日");
        assertThat(calendar.holidayName(LocalDate.of(2026, 9, 22))).contains("休日");
        assertThat(calendar.holidayName(LocalDate.of(2026, 12, 29))).isEmpty();
        assertThat(calendar.holidayDataCoversUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThatThrownBy(() -> calendar.holidayName(LocalDate.of(2028, 1, 1)))
                .isInstanceOf(HolidayDataNotCoveredException.class);
    }

    @ParameterizedTest(name = "on {0}: runs out within 90 days = {1}")
    @CsvSource(textBlock = """
            2027-10-02, false
            2027-10-03, true
            2026-02-01, false
            """)
    void warnsNinetyDaysBeforeTheDataRunsOut(LocalDate today, boolean runsOut) {
        assertThat(calendar.holidayDataRunsOutWithin(today, 90)).isEqualTo(runsOut);
    }
    @ParameterizedTest(name = "{0} closed all day = {1}: {2}")
    @CsvSource(textBlock = """
            2026-11-26, false, a Thursday
            2026-11-28, true,  a Saturday
            2026-11-29, true,  a Sunday
            2026-11-23, true,  Labour Thanksgiving Day
            2026-12-29, true,  the year-end closure
            2027-01-03, true,  the year-end closure's last day
            2027-01-04, false, the first Monday after it
            """)
    void knowsTheDaysTheCityHallIsClosedAnyway(LocalDate date, boolean closed, String why) {
        assertThat(calendar.isClosedOn(date)).isEqualTo(closed);
    }

    @Test
    void aClosureDayIsClosedAndADayBeyondTheDataIsNotGuessed() {
        CityBusinessCalendar withClosure = TestCalendars.tokyo();
        withClosure.addClosure(LocalDate.of(2026, 11, 26), "庁舎停電", "admin");
        assertThat(withClosure.isClosedOn(LocalDate.of(2026, 11, 26))).isTrue();
        assertThatThrownBy(() -> calendar.isClosedOn(LocalDate.of(2028, 1, 4)))
                .isInstanceOf(HolidayDataNotCoveredException.class);
    }
}
